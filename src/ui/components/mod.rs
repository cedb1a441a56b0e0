pub mod backup;
pub mod chips;
pub mod edition;
pub mod question;
pub mod rationale;
pub mod threat_link;
pub mod threat_list;
pub mod transfer;
