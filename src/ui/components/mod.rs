pub mod chips;
pub mod question;
pub mod threat_list;
