//! The framework as a 1EdTech CASE 1.0 package (CFDocument, CFItems for groupings, clusters,
//! sub-clusters and practices, isChildOf CFAssociations), plus the read-only CASE REST
//! endpoints so a CASE consumer can follow every `uri`. Identifiers are UUID v5 derived
//! from our ids, so they stay the same across loads and machines.

use axum::Json;
use axum::extract::{Path, State};
use serde::Serialize;
use uuid::Uuid;

use super::store::CatalogStore;
use crate::app::AppState;
use crate::error::AppError;

/// Namespace of every identifier in the package.
fn namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:pathways:national-career-clusters-framework:2024")
}

fn identifier(kind: &str, id: &str) -> Uuid {
    Uuid::new_v5(&namespace(), format!("{kind}/{id}").as_bytes())
}

const CASE_PATH: &str = "/ims/case/v1p0";

#[derive(Clone, Debug, Serialize)]
pub struct LinkUri {
    pub title: String,
    pub identifier: Uuid,
    pub uri: String,
}

#[derive(Debug, Serialize)]
pub struct CfDocument {
    pub identifier: Uuid,
    pub uri: String,
    pub creator: String,
    pub title: String,
    #[serde(rename = "lastChangeDateTime")]
    pub last_change_date_time: String,
    #[serde(rename = "officialSourceURL")]
    pub official_source_url: String,
    pub publisher: String,
    pub description: String,
    pub language: String,
    pub version: String,
    #[serde(rename = "adoptionStatus")]
    pub adoption_status: String,
    pub notes: String,
    #[serde(rename = "CFPackageURI")]
    pub package_uri: LinkUri,
}

#[derive(Clone, Debug, Serialize)]
pub struct CfItem {
    pub identifier: Uuid,
    pub uri: String,
    #[serde(rename = "fullStatement")]
    pub full_statement: String,
    #[serde(rename = "humanCodingScheme", skip_serializing_if = "Option::is_none")]
    pub human_coding_scheme: Option<String>,
    #[serde(rename = "listEnumeration", skip_serializing_if = "Option::is_none")]
    pub list_enumeration: Option<String>,
    #[serde(rename = "CFItemType")]
    pub item_type: String,
    #[serde(rename = "CFItemTypeURI")]
    pub item_type_uri: LinkUri,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub language: String,
    #[serde(rename = "lastChangeDateTime")]
    pub last_change_date_time: String,
    #[serde(rename = "CFDocumentURI")]
    pub document_uri: LinkUri,
}

#[derive(Clone, Debug, Serialize)]
pub struct CfAssociation {
    pub identifier: Uuid,
    pub uri: String,
    #[serde(rename = "associationType")]
    pub association_type: String,
    #[serde(rename = "sequenceNumber")]
    pub sequence_number: i64,
    #[serde(rename = "originNodeURI")]
    pub origin: LinkUri,
    #[serde(rename = "destinationNodeURI")]
    pub destination: LinkUri,
    #[serde(rename = "CFDocumentURI")]
    pub document_uri: LinkUri,
    #[serde(rename = "lastChangeDateTime")]
    pub last_change_date_time: String,
}

#[derive(Debug, Serialize)]
pub struct CfItemType {
    pub identifier: Uuid,
    pub uri: String,
    pub title: String,
    pub description: String,
    #[serde(rename = "hierarchyCode")]
    pub hierarchy_code: String,
    #[serde(rename = "lastChangeDateTime")]
    pub last_change_date_time: String,
}

#[derive(Debug, Serialize)]
pub struct CfDefinitions {
    #[serde(rename = "CFItemTypes")]
    pub item_types: Vec<CfItemType>,
}

#[derive(Debug, Serialize)]
pub struct CfPackage {
    #[serde(rename = "CFDocument")]
    pub document: CfDocument,
    #[serde(rename = "CFItems")]
    pub items: Vec<CfItem>,
    #[serde(rename = "CFAssociations")]
    pub associations: Vec<CfAssociation>,
    #[serde(rename = "CFDefinitions")]
    pub definitions: CfDefinitions,
}

/// Item types: (key, title, description, hierarchy code).
const ITEM_TYPES: [(&str, &str, &str, &str); 4] = [
    ("grouping", "Cluster Grouping", "One of the six groupings of related Career Clusters.", "1"),
    ("cluster", "Career Cluster", "One of the 14 Career Clusters, three of them cross-cutting.", "2"),
    ("subcluster", "Sub-Cluster", "One of the 72 Sub-Clusters within a Career Cluster.", "3"),
    ("practice", "Career Ready Practice", "A Career Ready Practice that applies across all clusters.", "1"),
];

/// Builds the package; `base_url` is the public URL of this server.
pub async fn package(store: &CatalogStore, base_url: &str) -> Result<CfPackage, AppError> {
    let meta = store.meta().await?;
    let changed = meta.loaded_at.clone().ok_or(AppError::CatalogNotLoaded)?;
    let doc_id = identifier("document", "framework");
    let doc_title = meta.framework.clone().unwrap_or_else(|| "National Career Clusters Framework".into());
    let doc_link = LinkUri {
        title: doc_title.clone(),
        identifier: doc_id,
        uri: format!("{base_url}{CASE_PATH}/CFDocuments/{doc_id}"),
    };
    let item_uri = |id: Uuid| format!("{base_url}{CASE_PATH}/CFItems/{id}");
    let type_link = |key: &str| {
        let (_, title, _, _) = ITEM_TYPES.iter().find(|t| t.0 == key).expect("known item type");
        let id = identifier("item-type", key);
        LinkUri { title: title.to_string(), identifier: id, uri: format!("{base_url}{CASE_PATH}/CFItemTypes/{id}") }
    };

    let mut items: Vec<CfItem> = Vec::new();
    let mut associations = Vec::new();
    let mut add = |kind: &str,
                   id: &str,
                   statement: String,
                   coding: Option<String>,
                   notes: Option<String>,
                   parent: &LinkUri,
                   sequence: i64| {
        let identifier = identifier(kind, id);
        let link = LinkUri { title: statement.clone(), identifier, uri: item_uri(identifier) };
        items.push(CfItem {
            identifier,
            uri: link.uri.clone(),
            full_statement: statement,
            human_coding_scheme: coding,
            list_enumeration: Some(sequence.to_string()),
            item_type: type_link(kind).title,
            item_type_uri: type_link(kind),
            notes,
            language: "en".into(),
            last_change_date_time: changed.clone(),
            document_uri: doc_link.clone(),
        });
        let association_id = Uuid::new_v5(&namespace(), format!("isChildOf/{kind}/{id}").as_bytes());
        associations.push(CfAssociation {
            identifier: association_id,
            uri: format!("{base_url}{CASE_PATH}/CFAssociations/{association_id}"),
            association_type: "isChildOf".into(),
            sequence_number: sequence,
            origin: link.clone(),
            destination: parent.clone(),
            document_uri: doc_link.clone(),
            last_change_date_time: changed.clone(),
        });
        link
    };

    let groupings = store.groupings().await?;
    let clusters = store.clusters().await?;
    let subclusters = store.subclusters(None).await?;
    for (g_seq, grouping) in groupings.iter().enumerate() {
        let note = (!grouping.membership_verified).then(|| format!("Membership inferred: {}", grouping.note));
        let g_link = add("grouping", &grouping.id, grouping.name.clone(), None, note, &doc_link, g_seq as i64 + 1);
        for (c_seq, cluster) in clusters.iter().filter(|c| c.grouping_id == grouping.id).enumerate() {
            let mut notes = cluster.description.clone();
            if cluster.cross_cutting {
                notes.push_str(" Cross-Cutting Cluster.");
            }
            let c_link = add(
                "cluster",
                &cluster.id,
                cluster.name.clone(),
                cluster.onet_cluster_code.clone(),
                Some(notes),
                &g_link,
                c_seq as i64 + 1,
            );
            for (s_seq, sub) in subclusters.iter().filter(|s| s.cluster_id == cluster.id).enumerate() {
                let notes = if sub.verified {
                    sub.description.clone()
                } else {
                    Some(format!("Unverified name: {}", sub.verification))
                };
                add("subcluster", &sub.id, sub.name.clone(), None, notes, &c_link, s_seq as i64 + 1);
            }
        }
    }
    for (seq, practice) in store.practices().await?.iter().enumerate() {
        let mut notes = format!("Framework version: {}.", practice.framework_version);
        if !practice.verified {
            notes.push_str(" Unverified wording.");
        }
        add(
            "practice",
            &practice.id,
            practice.statement.clone(),
            Some(practice.code.clone()),
            Some(notes),
            &doc_link,
            seq as i64 + 1,
        );
    }

    let package_id = identifier("package", "framework");
    Ok(CfPackage {
        document: CfDocument {
            identifier: doc_id,
            uri: doc_link.uri.clone(),
            creator: meta.steward.clone().unwrap_or_else(|| "Advance CTE".into()),
            title: doc_title.clone(),
            last_change_date_time: changed.clone(),
            official_source_url: "https://careertech.org/career-clusters/".into(),
            publisher: "Pathways".into(),
            description: "The 2024 National Career Clusters® Framework: cluster groupings, Career Clusters, Sub-Clusters and Career Ready Practices.".into(),
            language: "en".into(),
            version: meta.released.clone().unwrap_or_default(),
            adoption_status: "Adopted".into(),
            notes: format!("Source data: {}. Career Clusters is a registered mark of Advance CTE.", meta.data_version.unwrap_or_default()),
            package_uri: LinkUri { title: doc_title, identifier: package_id, uri: format!("{base_url}{CASE_PATH}/CFPackages/{package_id}") },
        },
        items,
        associations,
        definitions: CfDefinitions {
            item_types: ITEM_TYPES
                .iter()
                .map(|(key, title, description, code)| {
                    let link = type_link(key);
                    CfItemType {
                        identifier: link.identifier,
                        uri: link.uri,
                        title: title.to_string(),
                        description: description.to_string(),
                        hierarchy_code: code.to_string(),
                        last_change_date_time: changed.clone(),
                    }
                })
                .collect(),
        },
    })
}

fn parse_uuid(id: &str) -> Result<Uuid, AppError> {
    id.parse().map_err(|_| AppError::bad_request("id", "error-field-uuid", format!("{id:?} is not a UUID")))
}

/// The whole framework as one CASE 1.0 CFPackage.
#[utoipa::path(get, path = "/api/v1/case/package", tag = "case",
    responses((status = 200, description = "A CASE 1.0 CFPackage", content_type = "application/json")))]
pub async fn show_package(State(state): State<AppState>) -> Result<Json<CfPackage>, AppError> {
    Ok(Json(package(&state.catalog, &state.config.resolved_public_url()).await?))
}

/// CASE REST: the package of a document.
pub async fn case_package(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<CfPackage>, AppError> {
    let id = parse_uuid(&id)?;
    let package = package(&state.catalog, &state.config.resolved_public_url()).await?;
    if id != package.document.package_uri.identifier && id != package.document.identifier {
        return Err(AppError::NotFound);
    }
    Ok(Json(package))
}

#[derive(Serialize)]
pub struct CfDocumentSet {
    #[serde(rename = "CFDocuments")]
    documents: Vec<CfDocument>,
}

/// CASE REST: every document this server publishes (one).
pub async fn case_documents(State(state): State<AppState>) -> Result<Json<CfDocumentSet>, AppError> {
    let package = package(&state.catalog, &state.config.resolved_public_url()).await?;
    Ok(Json(CfDocumentSet { documents: vec![package.document] }))
}

/// CASE REST: one document.
pub async fn case_document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<CfDocument>, AppError> {
    let id = parse_uuid(&id)?;
    let package = package(&state.catalog, &state.config.resolved_public_url()).await?;
    if package.document.identifier != id {
        return Err(AppError::NotFound);
    }
    Ok(Json(package.document))
}

/// CASE REST: one item.
pub async fn case_item(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<CfItem>, AppError> {
    let id = parse_uuid(&id)?;
    let package = package(&state.catalog, &state.config.resolved_public_url()).await?;
    package.items.into_iter().find(|i| i.identifier == id).map(Json).ok_or(AppError::NotFound)
}

/// CASE REST: one item type.
pub async fn case_item_type(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<CfItemType>, AppError> {
    let id = parse_uuid(&id)?;
    let package = package(&state.catalog, &state.config.resolved_public_url()).await?;
    package.definitions.item_types.into_iter().find(|t| t.identifier == id).map(Json).ok_or(AppError::NotFound)
}

/// CASE REST: one association.
pub async fn case_association(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<CfAssociation>, AppError> {
    let id = parse_uuid(&id)?;
    let package = package(&state.catalog, &state.config.resolved_public_url()).await?;
    package.associations.into_iter().find(|a| a.identifier == id).map(Json).ok_or(AppError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_stable_and_distinct() {
        assert_eq!(identifier("cluster", "agriculture"), identifier("cluster", "agriculture"));
        assert_ne!(identifier("cluster", "agriculture"), identifier("subcluster", "agriculture"));
        assert_eq!(identifier("cluster", "agriculture").get_version_num(), 5);
    }
}
