//! A district's contact people at a partner: who arranges speakers, who supervises students
//! on site. Contacts belong to the district's relationship with the partner, not to the
//! regional registry, so one district never sees the people another district deals with.

use axum::extract::{Path, State};
use axum::response::Response;
use time::OffsetDateTime;

use super::model::{bad, bounded_text};
use super::registry::{acting_on, back_to_partner};
use crate::app::AppState;
use crate::auth::SessionCtx;
use crate::auth::policy::Permission;
use crate::db::Db;
use crate::error::AppError;
use crate::ids::{DistrictId, PartnerContactId, PartnerOrganizationId};
use crate::web::FormFields;
use crate::with_pool;

pub const CONTACT_ROLES: [&str; 4] = ["primary", "supervisor", "speaker", "other"];

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Contact {
    pub id: PartnerContactId,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub role: String,
}

/// A contact as typed, checked: a name and at least one way to reach them.
#[derive(Debug, PartialEq, Eq)]
pub struct ContactInput {
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub role: String,
}

pub fn checked(form: &FormFields) -> Result<ContactInput, AppError> {
    let role = form.get("role").trim().to_string();
    if !CONTACT_ROLES.contains(&role.as_str()) {
        return Err(bad("role", "error-field-contact-role", "choose what this person does for the district"));
    }
    let input = ContactInput {
        name: bounded_text(form, "name", 120, true)?,
        title: bounded_text(form, "title", 120, false)?,
        email: bounded_text(form, "email", 254, false)?,
        phone: bounded_text(form, "phone", 40, false)?,
        role,
    };
    let email_ok = input.email.is_empty() || plausible_email(&input.email);
    if !email_ok || (input.email.is_empty() && input.phone.is_empty()) {
        return Err(bad(
            "email",
            "error-field-contact-reach",
            "give an email address like name@example.org, a phone, or both",
        ));
    }
    Ok(input)
}

fn plausible_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.') && !text.contains(char::is_whitespace),
        None => false,
    }
}

/// The district's current contacts at `organization`, primary first.
pub async fn of_partner(
    db: &Db,
    district: DistrictId,
    organization: PartnerOrganizationId,
) -> Result<Vec<Contact>, sqlx::Error> {
    const SQL: &str = "SELECT id, name, title, email, phone, role FROM partner_contacts
         WHERE district_id = $1 AND organization_id = $2 AND active
         ORDER BY role <> 'primary', name";
    with_pool!(db, pool => sqlx::query_as(SQL).bind(district).bind(organization).fetch_all(pool).await)
}

pub async fn add(
    db: &Db,
    (district, organization): (DistrictId, PartnerOrganizationId),
    input: &ContactInput,
    now: OffsetDateTime,
) -> Result<PartnerContactId, sqlx::Error> {
    const SQL: &str = "INSERT INTO partner_contacts (id, district_id, organization_id, name, title, email, phone,
         role, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, TRUE, $9)";
    let id = PartnerContactId::random();
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(district).bind(organization).bind(&input.name).bind(&input.title)
            .bind(&input.email).bind(&input.phone).bind(&input.role).bind(now).execute(pool).await.map(|_| id)
    })
}

/// Takes a contact off the list (kept for the record); false when there was none to remove.
pub async fn retire(
    db: &Db,
    (district, organization): (DistrictId, PartnerOrganizationId),
    id: PartnerContactId,
) -> Result<bool, sqlx::Error> {
    const SQL: &str = "UPDATE partner_contacts SET active = FALSE
         WHERE id = $1 AND district_id = $2 AND organization_id = $3 AND active";
    with_pool!(db, pool => {
        sqlx::query(SQL).bind(id).bind(district).bind(organization).execute(pool).await.map(|r| r.rows_affected() == 1)
    })
}

pub async fn add_contact(
    State(state): State<AppState>,
    session: SessionCtx,
    Path(id): Path<String>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (_, district, organization) = acting_on(&state, &session, &id, Permission::WorkWithPartner, &form).await?;
    let input = checked(&form)?;
    add(&state.db, (district, organization), &input, OffsetDateTime::now_utc()).await?;
    Ok(back_to_partner(organization, "contacts-heading"))
}

pub async fn remove_contact(
    State(state): State<AppState>,
    session: SessionCtx,
    Path((id, contact)): Path<(String, String)>,
    form: FormFields,
) -> Result<Response, AppError> {
    let (_, district, organization) = acting_on(&state, &session, &id, Permission::WorkWithPartner, &form).await?;
    let contact: PartnerContactId = contact.parse().map_err(|_| AppError::NotFound)?;
    if !retire(&state.db, (district, organization), contact).await? {
        return Err(AppError::NotFound);
    }
    Ok(back_to_partner(organization, "contacts-heading"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> FormFields {
        FormFields::from_pairs(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn contacts_need_a_name_and_a_way_to_reach_them() {
        let ok = checked(&form(&[("name", "Ana Ruiz"), ("role", "primary"), ("email", "ana@clinic.org")])).unwrap();
        assert_eq!((ok.name.as_str(), ok.phone.as_str()), ("Ana Ruiz", ""));
        assert!(checked(&form(&[("name", "Ana Ruiz"), ("role", "speaker"), ("phone", "555-0100")])).is_ok());
        for bad in [
            [("name", "Ana Ruiz"), ("role", "primary"), ("email", "")],
            [("name", "Ana Ruiz"), ("role", "primary"), ("email", "ana at clinic")],
            [("name", " "), ("role", "primary"), ("email", "ana@clinic.org")],
            [("name", "Ana Ruiz"), ("role", "boss"), ("email", "ana@clinic.org")],
        ] {
            assert!(checked(&form(&bad)).is_err(), "{bad:?}");
        }
    }
}
