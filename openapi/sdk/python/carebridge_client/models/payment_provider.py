from enum import StrEnum


class PaymentProvider(StrEnum):
    KHALTI = "khalti"
    NONE = "none"
    STRIPE = "stripe"

    def __str__(self) -> str:
        return str(self.value)
