//! Who is asking: server-side sessions (a visitor before sign-in) with a CSRF token that
//! guards every form. Sign-in, roles and the access policy build on this.

pub mod session;
pub mod store;

pub use session::{Session, SessionCtx};
