//! `?limit=&cursor=` lists answering `{items, next_cursor}`. Ids are UUIDv7, so id order is
//! creation order and the cursor is the last id seen.

use poem_openapi::{
    Object,
    types::{ParseFromJSON, ToJSON},
};
use uuid::Uuid;

use crate::error::{ApiError, ApiResult};

pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;

#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: u32,
    pub after: Option<Uuid>,
}

impl Page {
    /// `cursor` is the `next_cursor` of the previous page (an id: the spec says `format: uuid`).
    pub fn parse(limit: Option<u32>, cursor: Option<Uuid>) -> ApiResult<Self> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::unprocessable(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        Ok(Self {
            limit,
            after: cursor,
        })
    }

    /// Fetch one more than the limit, to know whether there is a next page.
    pub fn fetch(&self) -> i64 {
        i64::from(self.limit) + 1
    }

    /// The lowest id to list from (exclusive).
    pub fn after_or_nil(&self) -> Uuid {
        self.after.unwrap_or(Uuid::nil())
    }

    pub fn finish<T, F: Fn(&T) -> Uuid>(&self, mut rows: Vec<T>, id: F) -> Listing<T>
    where
        T: ParseFromJSON + ToJSON + Send + Sync,
    {
        let more = rows.len() > self.limit as usize;
        rows.truncate(self.limit as usize);
        let next_cursor = if more { rows.last().map(&id) } else { None };
        Listing {
            items: rows,
            next_cursor,
        }
    }
}

/// One page of a list.
#[derive(Object)]
pub struct Listing<T: ParseFromJSON + ToJSON + Send + Sync> {
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; null on the last page.
    #[oai(nullable)]
    pub next_cursor: Option<Uuid>,
}

impl Page {
    /// One page of `select` (which has no WHERE of its own), ordered by `id_col`. `filter` adds
    /// conditions (`and ...`) whose parameters are `extra`, numbered from $3.
    pub async fn list<T>(
        &self,
        tx: &crate::db::TenantTx,
        select: &str,
        id_col: &str,
        filter: &str,
        extra: Vec<sea_orm::Value>,
        id: impl Fn(&T) -> Uuid,
    ) -> ApiResult<Listing<T>>
    where
        T: sea_orm::FromQueryResult + ParseFromJSON + ToJSON + Send + Sync,
    {
        let mut values = vec![self.after_or_nil().into(), self.fetch().into()];
        values.extend(extra);
        let sql = format!("{select} where {id_col} > $1 {filter} order by {id_col} limit $2");
        let rows = T::find_by_statement(crate::db::stmt(&sql, values))
            .all(tx.conn())
            .await?;
        Ok(self.finish(rows, id))
    }
}
