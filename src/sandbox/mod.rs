//! Local stand-ins for the payment providers, on loopback, following the providers' documented
//! contracts for what carebridge uses. `carebridge demo` starts them when no provider keys are
//! configured (no real money moves), and the tests use them. Each has a "Pay" page that plays
//! the customer: Khalti's sends the browser back to the return URL, Stripe's delivers a signed
//! `checkout.session.completed` webhook and goes to the success URL.

pub mod khalti;
pub mod sms;
pub mod stripe;

/// Both fakes, started together.
pub struct Sandbox {
    pub khalti: khalti::FakeKhalti,
    pub stripe: stripe::FakeStripe,
}

impl Sandbox {
    /// Starts both on free loopback ports; Stripe's webhooks go to `webhook_url`.
    pub async fn start(webhook_url: Option<String>) -> anyhow::Result<Self> {
        Ok(Self {
            khalti: khalti::start().await?,
            stripe: stripe::start(webhook_url).await?,
        })
    }
}

pub(crate) fn page(title: &str, body: &str) -> poem::Response {
    poem::Response::builder().content_type("text/html; charset=utf-8").body(format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body style=\"font-family:sans-serif;max-width:30rem;margin:3rem auto\"><h1>{title}</h1>{body}\
         <p style=\"color:#667\">Local sandbox: no real money moves.</p></body></html>"
    ))
}
