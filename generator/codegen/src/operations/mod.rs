//! Operations: one client method and one request builder per operation of the document.

pub(crate) mod dispatch;
pub(crate) mod emit;
pub(crate) mod plan;

use crate::types::TypeExpr;

#[derive(Debug, Clone)]
pub(crate) struct Operation {
    /// The client method (`list_campaigns`).
    pub(crate) method_name: String,
    /// The request builder type (`ListCampaigns`).
    pub(crate) builder_name: String,
    pub(crate) http_method: Method,
    pub(crate) path: String,
    pub(crate) docs: Vec<String>,
    pub(crate) path_params: Vec<Param>,
    pub(crate) query_params: Vec<Param>,
    pub(crate) header_params: Vec<Param>,
    pub(crate) body: Option<Body>,
    pub(crate) response: Response,
    pub(crate) pagination: Option<Pagination>,
}

impl Operation {
    /// Safe to send twice: an idempotent method, or a list operation (a read sent as POST).
    /// Such requests are retried after 5xx and dropped connections; others only on opt-in.
    pub(crate) fn is_idempotent(&self) -> bool {
        matches!(
            self.http_method,
            Method::Get
                | Method::Put
                | Method::Delete
                | Method::Head
                | Method::Options
                | Method::Trace
        ) || self.pagination.is_some()
    }

    /// Calls `f` on every type the operation names, with the docs of the place that names it
    /// where it has some (a parameter, the body).
    pub(crate) fn types_mut(
        &mut self,
        f: &mut impl FnMut(&mut TypeExpr, Option<&mut Vec<String>>),
    ) {
        let params = self
            .path_params
            .iter_mut()
            .chain(&mut self.query_params)
            .chain(&mut self.header_params);
        for param in params {
            f(&mut param.ty, Some(&mut param.docs));
        }
        if let Some(body) = &mut self.body {
            f(&mut body.ty, Some(&mut body.docs));
        }
        if let Response::Json(ty) = &mut self.response {
            f(ty, None);
        }
        if let Some(pagination) = &mut self.pagination {
            f(&mut pagination.item_ty, None);
        }
    }
}

/// An HTTP method an OpenAPI path item can hold, in the path item's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
    Trace,
}

impl Method {
    /// The method as sent (`GET`), which is also the runtime's `Method` constant.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Put => "PUT",
            Self::Post => "POST",
            Self::Delete => "DELETE",
            Self::Options => "OPTIONS",
            Self::Head => "HEAD",
            Self::Patch => "PATCH",
            Self::Trace => "TRACE",
        }
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a parameter travels (OpenAPI's `in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamLocation {
    Path,
    Query,
    Header,
    Cookie,
}

#[derive(Debug, Clone)]
pub(crate) struct Param {
    pub(crate) json_name: String,
    pub(crate) rust_name: String,
    pub(crate) ty: TypeExpr,
    pub(crate) required: bool,
    /// Arrays in the query: one pair per element (`true`, the default) or comma-joined.
    pub(crate) explode: bool,
    pub(crate) docs: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Body {
    pub(crate) ty: TypeExpr,
    pub(crate) required: bool,
    pub(crate) encoding: BodyEncoding,
    pub(crate) docs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BodyEncoding {
    Json,
    /// `application/x-www-form-urlencoded`, from the same typed body.
    Form,
    /// Raw bytes (`Vec<u8>`) with this content type.
    Bytes(String),
    /// `multipart/form-data`: a text part per property, a file part per binary property.
    Multipart,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Response {
    Json(TypeExpr),
    /// No body is documented (`204 No Content`, say): `send` returns `()`.
    Empty,
    /// A non-JSON body: `send` returns the bytes.
    Bytes,
}

/// From `x-pagination`: how `into_stream` moves the cursor and reads a page.
#[derive(Debug, Clone)]
pub(crate) struct Pagination {
    pub(crate) cursor: CursorTarget,
    /// The page struct's field holding the items.
    pub(crate) items_field: String,
    /// The page struct's field holding the next cursor.
    pub(crate) cursor_field: String,
    pub(crate) item_ty: TypeExpr,
}

#[derive(Debug, Clone)]
pub(crate) enum CursorTarget {
    /// The builder field of the cursor query parameter.
    Query(String),
    /// The body struct field; `optional_body` when the body is set through a setter.
    Body { field: String, optional_body: bool },
}
