pub mod about;
pub mod catalog;
pub mod control;
pub mod navigator;
pub mod not_found;
pub mod profile;
pub mod threat;
