//! Who is asking and what they may do: server-side sessions with a CSRF token that guards
//! every form, sign-in with passwords or a district's OpenID Connect provider, and the
//! access policy.

pub mod oidc;
pub mod pages;
pub mod password;
pub mod policy;
pub mod session;
pub mod store;
pub mod token_pages;
pub mod tokens;

pub use session::{Session, SessionCtx};
