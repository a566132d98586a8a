//! Amounts of money: minor units (cents, paisa) with the currency they are counted in, so the two
//! travel together and an amount is never read in the wrong currency.

use crate::error::{ApiError, ApiResult};

/// An ISO 4217 currency code: three upper-case ASCII letters (`NPR`, `USD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// 422 unless `code` is three upper-case ASCII letters.
    pub fn parse(code: &str) -> ApiResult<Self> {
        match code.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Ok(Self([a, b, c])),
            _ => Err(ApiError::unprocessable(
                "currency must be a three-letter ISO 4217 code",
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        // Three ASCII letters, checked by `parse`.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An amount in minor units of its currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// An amount and currency code as the database keeps them; an invalid code is the server's
    /// fault (the columns are checked), so 500.
    pub fn stored(minor: i64, currency: &str) -> ApiResult<Self> {
        let currency = Currency::parse(currency).map_err(|_| {
            ApiError::Internal(anyhow::anyhow!(
                "stored currency {currency:?} is not ISO 4217"
            ))
        })?;
        Ok(Self::new(minor, currency))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currencies_are_three_upper_case_letters() {
        for ok in ["NPR", "USD", "EUR"] {
            assert_eq!(Currency::parse(ok).unwrap().as_str(), ok);
        }
        for bad in ["", "usd", "US", "USDT", "U$D", "ÉUR", "NP1"] {
            assert!(Currency::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Currency::parse("NPR").unwrap().to_string(), "NPR");
    }

    #[test]
    fn money_keeps_its_amount_with_its_currency() {
        let m = Money::stored(1500, "NPR").unwrap();
        assert_eq!((m.minor, m.currency.as_str()), (1500, "NPR"));
        assert_eq!(m, Money::new(1500, Currency::parse("NPR").unwrap()));
        assert!(Money::stored(1500, "npr").is_err());
    }
}
