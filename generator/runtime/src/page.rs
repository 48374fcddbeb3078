//! Cursor pagination as a stream of items.

use crate::{Error, Nullable};
use futures::{Stream, StreamExt, stream};
use std::future::Future;
use std::pin::Pin;

/// One page as the stream needs it: the items and the cursor for the next page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A page from a response's items field and next-cursor field, whatever their types.
    pub fn new(items: impl IntoItems<T>, next_cursor: impl IntoCursor) -> Self {
        Self {
            items: items.into_items(),
            next_cursor: next_cursor.into_cursor(),
        }
    }
}

/// A stream of items across all pages.
pub type PageStream<T> = Pin<Box<dyn Stream<Item = Result<T, Error>> + Send>>;

/// Streams the items of every page, fetching the next page only when the previous one is used up.
///
/// `fetch(request, cursor)` sends `request` with `cursor` (`None` for the first page). The stream
/// stops after a page with no items, a page without a next cursor, or a page whose cursor repeats
/// the one just sent (a server that echoes its cursor would otherwise loop forever). An error is
/// yielded once and ends the stream.
pub fn page_stream<R, T, F, Fut>(request: R, fetch: F) -> PageStream<T>
where
    R: Clone + Send + 'static,
    T: Send + 'static,
    F: FnMut(R, Option<String>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Page<T>, Error>> + Send + 'static,
{
    let start = Cursor {
        request,
        fetch,
        cursor: None,
        finished: false,
    };
    let pages = stream::unfold(start, |mut state| async move {
        if state.finished {
            return None;
        }
        let sent = state.cursor.take();
        let page = (state.fetch)(state.request.clone(), sent.clone()).await;
        match page {
            Ok(page) => {
                state.finished =
                    page.items.is_empty() || page.next_cursor.is_none() || page.next_cursor == sent;
                state.cursor = page.next_cursor;
                Some((Ok(page.items), state))
            }
            Err(error) => {
                state.finished = true;
                Some((Err(error), state))
            }
        }
    });
    Box::pin(pages.flat_map(|page| match page {
        Ok(items) => stream::iter(items.into_iter().map(Ok)).left_stream(),
        Err(error) => stream::iter([Err(error)]).right_stream(),
    }))
}

struct Cursor<R, F> {
    request: R,
    fetch: F,
    cursor: Option<String>,
    finished: bool,
}

/// The next-page cursor of a response, whatever type the document gave the cursor field.
pub trait IntoCursor {
    fn into_cursor(self) -> Option<String>;
}

impl IntoCursor for String {
    fn into_cursor(self) -> Option<String> {
        // An empty cursor is as good as none.
        (!self.is_empty()).then_some(self)
    }
}

impl IntoCursor for uuid::Uuid {
    fn into_cursor(self) -> Option<String> {
        Some(self.to_string())
    }
}

impl IntoCursor for chrono::DateTime<chrono::Utc> {
    fn into_cursor(self) -> Option<String> {
        Some(self.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
    }
}

impl IntoCursor for i64 {
    fn into_cursor(self) -> Option<String> {
        Some(self.to_string())
    }
}

impl<T: IntoCursor> IntoCursor for Option<T> {
    fn into_cursor(self) -> Option<String> {
        self.and_then(IntoCursor::into_cursor)
    }
}

impl<T: IntoCursor> IntoCursor for Nullable<T> {
    fn into_cursor(self) -> Option<String> {
        self.into_option().and_then(IntoCursor::into_cursor)
    }
}

/// The items of a response page, whether the document made the list required or optional.
pub trait IntoItems<T> {
    fn into_items(self) -> Vec<T>;
}

impl<T> IntoItems<T> for Vec<T> {
    fn into_items(self) -> Vec<T> {
        self
    }
}

impl<T> IntoItems<T> for Option<Vec<T>> {
    fn into_items(self) -> Vec<T> {
        self.unwrap_or_default()
    }
}

impl<T> IntoItems<T> for Nullable<Vec<T>> {
    fn into_items(self) -> Vec<T> {
        self.into_option().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::TryStreamExt;
    use std::sync::{Arc, Mutex};

    type CursorLog = Arc<Mutex<Vec<Option<String>>>>;

    fn pages(script: Vec<Page<u32>>) -> (PageStream<u32>, CursorLog) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let script = Arc::new(Mutex::new(script.into_iter()));
        let stream = page_stream((), move |(), cursor| {
            log.lock().unwrap().push(cursor);
            let next = script.lock().unwrap().next();
            async move { next.ok_or_else(|| Error::Config("fetched past the script".into())) }
        });
        (stream, seen)
    }

    fn page(items: &[u32], cursor: Option<&str>) -> Page<u32> {
        Page {
            items: items.to_vec(),
            next_cursor: cursor.map(str::to_owned),
        }
    }

    #[tokio::test]
    async fn stops_on_an_empty_page() {
        let (stream, seen) = pages(vec![
            page(&[1, 2], Some("a")),
            page(&[3], Some("b")),
            page(&[], Some("c")),
        ]);
        assert_eq!(stream.try_collect::<Vec<_>>().await.unwrap(), [1, 2, 3]);
        assert_eq!(
            *seen.lock().unwrap(),
            [None, Some("a".into()), Some("b".into())]
        );
    }

    #[tokio::test]
    async fn stops_on_a_missing_cursor() {
        let (stream, seen) = pages(vec![page(&[1], Some("a")), page(&[2], None)]);
        assert_eq!(stream.try_collect::<Vec<_>>().await.unwrap(), [1, 2]);
        assert_eq!(seen.lock().unwrap().len(), 2);
    }

    #[tokio::test]
    async fn stops_on_a_repeated_cursor() {
        let (stream, _) = pages(vec![page(&[1], Some("a")), page(&[2], Some("a"))]);
        assert_eq!(stream.try_collect::<Vec<_>>().await.unwrap(), [1, 2]);
    }

    #[tokio::test]
    async fn an_error_ends_the_stream() {
        let (stream, _) = pages(vec![page(&[1], Some("a"))]);
        let results: Vec<_> = stream.collect().await;
        assert_eq!(results.len(), 2);
        assert!(results[1].is_err());
    }
}
