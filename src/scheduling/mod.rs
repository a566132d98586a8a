//! Availability, free slots and the appointment lifecycle.

pub mod api;
pub mod appointments;
pub mod availability;
pub mod lifecycle;
pub mod slots;
