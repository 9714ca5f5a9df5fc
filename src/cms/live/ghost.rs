//! Ghost's Content API as the browser reads it ([`super::Api`]): every address carries the
//! Content API key (public by design); posts with their tags and authors
//! ([`POSTS_INCLUDE`]); a theme is a public tag; no search.

use super::*;
use crate::cms::ghost::{self as g, Mapper, POSTS_INCLUDE};

/// The Ghost site at `base` (its admin domain, no final slash), read with the Content API key
/// `key`.
pub struct Ghost {
    pub base: String,
    pub key: String,
}

impl Ghost {
    /// `path` of the Content API with the key and `query`: the key is one query value,
    /// whatever was pasted.
    fn at(&self, path: &str, query: &str) -> String {
        let key = query_value(&self.key);
        format!("{}?key={key}&{query}", g::endpoint(&self.base, path))
    }
}

/// The only answer a read of one address gets.
fn only(answers: Vec<Answered>) -> Answered {
    answers
        .into_iter()
        .next()
        .unwrap_or(Err(ContentError::NotFound))
}

impl Api for Ghost {
    fn themes(&self) -> Vec<String> {
        vec![self.at("tags/", "limit=all&filter=visibility:public")]
    }

    fn read_themes(&self, answers: Vec<Answered>) -> Result<Vec<Tag>, ContentError> {
        let tags: g::Tags = json_of(&only(answers)?)?;
        Ok(crate::cms::themes(tags.tags.iter().filter_map(g::tag)))
    }

    fn posts(&self, filter: &str, per_page: u32, page: u32, oldest_first: bool) -> Asked {
        let order = if oldest_first {
            "&order=published_at%20asc"
        } else {
            ""
        };
        let query = format!("{POSTS_INCLUDE}&limit={per_page}&page={page}{order}{filter}");
        (self.at("posts/", &query), &[])
    }

    fn read_posts(&self, answer: &Answer) -> Result<(Vec<ArticleSummary>, u32), ContentError> {
        let answer: g::Posts = json_of(answer)?;
        let mapper = Mapper::live(&self.base);
        let items = answer
            .posts
            .iter()
            .map(|p| mapper.article(p).summary)
            .collect();
        Ok((items, answer.meta.pagination.total as u32))
    }

    /// `posts/slug/<slug>/`, then `posts/<id>/` for an ObjectId (24 hex digits).
    fn post(&self, slug: &str) -> (String, Option<String>) {
        let by_slug = self.at(&format!("posts/slug/{slug}/"), POSTS_INCLUDE);
        let id = id_in(slug).filter(|id| id.len() == 24);
        let by_id = id.map(|id| self.at(&format!("posts/{id}/"), POSTS_INCLUDE));
        (by_slug, by_id)
    }

    fn read_post(&self, answer: &Answer, slug: &str) -> Result<Option<Post>, ContentError> {
        let found: g::Found = json_of(answer)?;
        let mapper = Mapper::live(&self.base);
        let Some(post) = found.posts.into_iter().find(|p| mapper.slug(p) == slug) else {
            return Ok(None);
        };
        let tags: Vec<&str> = post
            .tags
            .iter()
            .filter(|t| g::tag(t).is_some())
            .map(|t| t.slug.as_str())
            .collect();
        // `+` joins filters; Ghost wants ids quoted.
        let related = (!tags.is_empty())
            .then(|| format!("&filter=tags:[{}]%2Bid:-%27{}%27", tags.join(","), post.id));
        Ok(Some(Post {
            article: mapper.article(&post),
            related,
        }))
    }

    fn theme(&self, slug: &str) -> (Vec<String>, Option<Vec<String>>) {
        (vec![self.at(&format!("tags/slug/{slug}/"), "")], None)
    }

    fn theme_found(&self, _answers: &[Answered]) -> bool {
        true
    }

    fn read_theme(
        &self,
        answers: Vec<Answered>,
        slug: &str,
    ) -> Result<(Tag, String), ContentError> {
        let tags: g::Tags = json_of(&only(answers)?)?;
        let tag = tags
            .tags
            .iter()
            .filter_map(g::tag)
            .find(|t| t.slug == slug)
            .ok_or(ContentError::NotFound)?;
        Ok((tag, format!("&filter=tag:{slug}")))
    }

    fn author(&self, slug: &str) -> String {
        self.at(&format!("authors/slug/{}/", query_value(slug)), "")
    }

    fn read_author(&self, answer: &Answer) -> Result<(Option<Author>, String), ContentError> {
        let found: g::Authors = json_of(answer)?;
        let writer = found
            .authors
            .into_iter()
            .next()
            .ok_or(ContentError::NotFound)?;
        let bio = writer.bio.unwrap_or_default();
        let author = crate::cms::author(&writer.name, &writer.slug, &bio);
        // Asked by the Veille slug, which an author's filter takes as Ghost's.
        let filter = author
            .as_ref()
            .map(|a| format!("&filter=author:{}", query_value(&a.slug)))
            .unwrap_or_default();
        Ok((author, filter))
    }

    fn latest(&self, _words: &str, _since: &str) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_one_query_value_whatever_was_pasted() {
        let ghost = Ghost {
            base: "https://g.example".into(),
            key: "0a1b&limit=all#x é".into(),
        };
        assert_eq!(
            ghost.at("posts/", "page=1"),
            "https://g.example/ghost/api/content/posts/?key=0a1b%26limit%3Dall%23x%20%C3%A9&page=1"
        );
        let plain = Ghost {
            base: "https://g.example".into(),
            key: "22444f78447824223cefc48062".into(),
        };
        assert_eq!(
            plain.themes(),
            ["https://g.example/ghost/api/content/tags/?key=22444f78447824223cefc48062&limit=all&filter=visibility:public"]
        );
    }

    const RECORDED: &str = include_str!("../../../tests/fixtures/cms/ghost-recorded-posts.json");

    #[test]
    fn a_post_is_found_by_slug_then_by_its_object_id_with_its_related_filter() {
        let ghost = Ghost {
            base: "http://127.0.0.1:2368".into(),
            key: "k".into(),
        };
        let id = "6b0f7fc3b5ff17046164d0e5";
        assert_eq!(ghost.post("hopitaux-et-donnees").1, None);
        let (_, by_id) = ghost.post(&format!("hopitaux-et-donnees-{id}"));
        assert!(by_id.unwrap().contains(&format!("posts/{id}/?key=k&")));
        let found = Answer {
            status: 200,
            body: RECORDED.into(),
            headers: Vec::new(),
        };
        let post = ghost
            .read_post(&found, "hopitaux-et-donnees")
            .unwrap()
            .unwrap();
        assert_eq!(post.article.summary.slug, "hopitaux-et-donnees");
        assert_eq!(
            post.related.as_deref(),
            Some(format!("&filter=tags:[sante]%2Bid:-%27{id}%27").as_str())
        );
        assert!(ghost.read_post(&found, "absent").unwrap().is_none());
        let (items, total) = ghost.read_posts(&found).unwrap();
        assert_eq!((items.len(), total), (2, 2));
        let missing = Answer {
            status: 404,
            body: r#"{"errors":[{"type":"NotFoundError"}]}"#.into(),
            headers: Vec::new(),
        };
        assert_eq!(
            ghost
                .read_post(&missing, "hopitaux-et-donnees")
                .unwrap_err(),
            ContentError::NotFound
        );
    }
}
