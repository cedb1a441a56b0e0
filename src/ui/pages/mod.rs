pub mod about;
pub mod assessments;
pub mod catalog;
pub mod control;
pub mod navigator;
pub mod not_found;
pub mod steps;
pub mod threat;
