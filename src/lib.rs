//! carebridge: a multi-tenant telemedicine platform.

pub mod analytics;
pub mod app;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod crypto;
pub mod db;
pub mod error;
pub mod fhir;
pub mod ids;
pub mod inference;
pub mod money;
pub mod notifications;
pub mod payments;
pub mod prescriptions;
pub mod realtime;
pub mod records;
pub mod sandbox;
pub mod scheduling;
pub mod specialty;
pub mod tenancy;
