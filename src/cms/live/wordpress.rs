//! WordPress' REST API as the browser reads it ([`super::Api`]): posts with their embedded
//! authors, media and terms ([`POSTS_QUERY`]), a theme as a category, a tag or both of that name,
//! an author as a user, and its own search for what the build's index does not hold yet.

use super::*;
use crate::cms::{
    tree,
    wordpress::{self as wp, Mapper, POSTS_QUERY},
};

/// The WordPress site at `base` (no final slash).
pub struct WordPress {
    pub base: String,
}

/// How many posts the whole list holds (the pages are counted from it).
const COUNTS: &[&str] = &["X-WP-Total"];

/// The fields of a category or tag the reading needs.
const TERM_FIELDS: &str = "_fields=id,name,slug,description";

impl WordPress {
    fn at(&self, path: &str) -> String {
        wp::endpoint(&self.base, path)
    }

    /// A category's and a tag's lookup alike: `query` asked of both.
    fn terms(&self, query: &str) -> Vec<String> {
        ["categories", "tags"]
            .iter()
            .map(|kind| self.at(&format!("{kind}?{query}&{TERM_FIELDS}")))
            .collect()
    }
}

/// Each answer's terms, errors kept (the first one met is the reading's).
fn terms_of(answers: Vec<Answered>) -> Vec<Result<Vec<wp::Term>, ContentError>> {
    answers
        .into_iter()
        .map(|a| a.and_then(|a| json_of(&a)))
        .collect()
}

impl Api for WordPress {
    fn themes(&self) -> Vec<String> {
        self.terms("per_page=100&hide_empty=true")
    }

    fn read_themes(&self, answers: Vec<Answered>) -> Result<Vec<Tag>, ContentError> {
        let mut terms = Vec::new();
        for found in terms_of(answers) {
            terms.extend(found?);
        }
        Ok(wp::tags(&terms))
    }

    fn posts(&self, filter: &str, per_page: u32, page: u32, oldest_first: bool) -> Asked {
        let order = if oldest_first { "&order=asc" } else { "" };
        let url = self.at(&format!(
            "posts?{POSTS_QUERY}&per_page={per_page}&page={page}{order}{filter}"
        ));
        (url, COUNTS)
    }

    fn read_posts(&self, answer: &Answer) -> Result<(Vec<ArticleSummary>, u32), ContentError> {
        // Past the last page, WordPress answers 400 with this code.
        if answer.status == 400 && answer.body.contains("rest_post_invalid_page_number") {
            return Err(ContentError::NotFound);
        }
        let posts: Vec<wp::Post> = json_of(answer)?;
        let total = answer
            .headers
            .first()
            .and_then(Option::as_deref)
            .and_then(|t| t.trim().parse().ok());
        let mapper = Mapper::live(&self.base);
        let items: Vec<_> = posts.iter().map(|p| mapper.article(p).summary).collect();
        let total = total.unwrap_or(items.len() as u32);
        Ok((items, total))
    }

    /// `posts?slug=`, then `posts/<id>` (an unpublished post is refused, 401; a deleted one not
    /// found).
    fn post(&self, slug: &str) -> (String, Option<String>) {
        let by_slug = self.at(&format!("posts?slug={slug}&{POSTS_QUERY}"));
        let id = id_in(slug).filter(|id| id.bytes().all(|b| b.is_ascii_digit()));
        let by_id = id.map(|id| self.at(&format!("posts/{id}?{POSTS_QUERY}")));
        (by_slug, by_id)
    }

    fn read_post(&self, answer: &Answer, slug: &str) -> Result<Option<Post>, ContentError> {
        // A list by slug, one post by id.
        let posts: Vec<wp::Post> = if answer.body.trim_start().starts_with('[') {
            json_of(answer)?
        } else {
            vec![json_of(answer)?]
        };
        let mapper = Mapper::live(&self.base);
        let Some(post) = posts.into_iter().find(|p| mapper.slug(p) == slug) else {
            return Ok(None);
        };
        let (mut categories, mut tags) = (Vec::new(), Vec::new());
        for (taxonomy, terms) in post.embedded.terms.iter().enumerate() {
            for term in terms.iter().filter(|t| wp::tag_slug(t).is_some()) {
                [&mut categories, &mut tags][taxonomy.min(1)].push(term.id.to_string());
            }
        }
        Ok(Some(Post {
            article: mapper.article(&post),
            related: terms_query(&categories, &tags).map(|q| format!("{q}&exclude={}", post.id)),
        }))
    }

    /// Categories and tags of that slug; else of the id at its end.
    fn theme(&self, slug: &str) -> (Vec<String>, Option<Vec<String>>) {
        let by_id = id_in(slug).map(|id| self.terms(&format!("include={id}")));
        (self.terms(&format!("slug={slug}")), by_id)
    }

    fn theme_found(&self, answers: &[Answered]) -> bool {
        answers.iter().any(|a| {
            a.as_ref()
                .is_ok_and(|a| json_of::<Vec<wp::Term>>(a).is_ok_and(|t| !t.is_empty()))
        })
    }

    fn read_theme(
        &self,
        answers: Vec<Answered>,
        slug: &str,
    ) -> Result<(Tag, String), ContentError> {
        let mut found: Vec<Vec<wp::Term>> = Vec::new();
        for terms in terms_of(answers) {
            let of_slug = terms?
                .into_iter()
                .filter(|t| wp::tag_slug(t).as_deref() == Some(slug));
            found.push(of_slug.collect());
        }
        let ids = |i: usize| -> Vec<String> {
            found
                .get(i)
                .map(|terms| terms.iter().map(|t| t.id.to_string()).collect())
                .unwrap_or_default()
        };
        let filter = terms_query(&ids(0), &ids(1)).ok_or(ContentError::NotFound)?;
        let all: Vec<wp::Term> = found.into_iter().flatten().collect();
        let tag = wp::tags(&all)
            .into_iter()
            .next()
            .ok_or(ContentError::NotFound)?;
        Ok((tag, filter))
    }

    fn author(&self, slug: &str) -> String {
        self.at(&format!(
            "users?slug={}&_fields=id,name,slug,description",
            query_value(slug)
        ))
    }

    fn read_author(&self, answer: &Answer) -> Result<(Option<Author>, String), ContentError> {
        let users: Vec<wp::User> = json_of(answer)?;
        let user = users.into_iter().next().ok_or(ContentError::NotFound)?;
        let bio = tree::text_of(&user.description);
        let filter = format!("&author={}", user.id);
        Ok((crate::cms::author(&user.name, &user.slug, &bio), filter))
    }

    fn latest(&self, words: &str, since: &str) -> Option<String> {
        Some(latest_query(words, since))
    }
}

/// The part of a query for posts matching `words` published strictly after `since`.
/// WordPress refuses a date without its time (`after` is a date-time): a day is taken as its
/// last second, in the site's time zone, so that the index's own articles of that day never
/// come twice (one published later that day waits for the next build).
fn latest_query(words: &str, since: &str) -> String {
    let since = if since.len() == 10 {
        format!("{since}T23:59:59")
    } else {
        since.to_string()
    };
    format!(
        "&search={}&after={}&orderby=relevance",
        query_value(words),
        query_value(&since)
    )
}

/// A query narrowing posts to these categories or tags; `None` without any.
fn terms_query(categories: &[String], tags: &[String]) -> Option<String> {
    match (categories.is_empty(), tags.is_empty()) {
        (true, true) => None,
        (false, true) => Some(format!("&categories={}", categories.join(","))),
        (true, false) => Some(format!("&tags={}", tags.join(","))),
        (false, false) => Some(format!(
            "&categories={}&tags={}&tax_relation=OR",
            categories.join(","),
            tags.join(",")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_query_names_categories_and_tags_together() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(terms_query(&[], &[]), None);
        assert_eq!(
            terms_query(&s(&["3"]), &[]).as_deref(),
            Some("&categories=3")
        );
        assert_eq!(
            terms_query(&[], &s(&["5", "6"])).as_deref(),
            Some("&tags=5,6")
        );
        assert_eq!(
            terms_query(&s(&["3"]), &s(&["5"])).as_deref(),
            Some("&categories=3&tags=5&tax_relation=OR")
        );
    }

    #[test]
    fn the_latest_posts_are_asked_of_its_search_after_the_index() {
        // Words and date are values: a `&` or `+` typed in the field is not another parameter,
        // and an offset's `+` is not a space.
        assert_eq!(
            latest_query("sécurité & IA", "2026-12-03T16:50:00+01:00"),
            "&search=s%C3%A9curit%C3%A9%20%26%20IA&after=2026-12-03T16%3A50%3A00%2B01%3A00&orderby=relevance"
        );
        assert_eq!(
            latest_query("ia", "2026-12-03"),
            "&search=ia&after=2026-12-03T23%3A59%3A59&orderby=relevance"
        );
    }

    fn site(base: &str) -> WordPress {
        WordPress { base: base.into() }
    }

    fn answer(status: u16, body: &str) -> Answered {
        Ok(Answer {
            status,
            body: body.into(),
            headers: Vec::new(),
        })
    }

    #[test]
    fn a_theme_is_a_category_a_tag_or_both_of_that_name() {
        let wp = site("https://wp.example");
        let (first, by_id) = wp.theme("sante");
        assert_eq!(
            first,
            [
                "https://wp.example/wp-json/wp/v2/categories?slug=sante&_fields=id,name,slug,description",
                "https://wp.example/wp-json/wp/v2/tags?slug=sante&_fields=id,name,slug,description"
            ]
        );
        assert_eq!(by_id, None);
        let category = r#"[{"id":3,"name":"Santé","slug":"sante","description":""}]"#;
        let both = vec![
            answer(200, category),
            answer(200, r#"[{"id":5,"name":"santé","slug":"sante"}]"#),
        ];
        assert!(wp.theme_found(&both));
        let (tag, filter) = wp.read_theme(both, "sante").unwrap();
        assert_eq!((tag.slug.as_str(), tag.name.as_str()), ("sante", "Santé"));
        assert_eq!(filter, "&categories=3&tags=5&tax_relation=OR");
        let none = vec![answer(200, "[]"), answer(200, "[]")];
        assert!(!wp.theme_found(&none));
        assert_eq!(wp.read_theme(none, "sante"), Err(ContentError::NotFound));
        // An error is the reading's, whichever list it came from.
        let down = vec![
            answer(200, category),
            Err(ContentError::Timeout { after_ms: 10 }),
        ];
        assert_eq!(
            wp.read_theme(down, "sante"),
            Err(ContentError::Timeout { after_ms: 10 })
        );
    }

    const RECORDED: &str =
        include_str!("../../../tests/fixtures/cms/wordpress-recorded-posts.json");

    #[test]
    fn a_post_is_read_from_a_list_by_slug_or_alone_by_id_and_found_only_under_its_slug() {
        let wp = site("http://127.0.0.1:8081");
        let (by_slug, by_id) = wp.post("hopitaux-et-donnees");
        assert!(
            by_slug.contains("posts?slug=hopitaux-et-donnees&"),
            "{by_slug}"
        );
        assert_eq!(by_id, None);
        assert!(wp.post("un-titre-42").1.unwrap().contains("posts/42?"));
        let list = answer(200, RECORDED).unwrap();
        let post = wp.read_post(&list, "hopitaux-et-donnees").unwrap().unwrap();
        assert_eq!(post.article.summary.slug, "hopitaux-et-donnees");
        let related = post.related.unwrap();
        assert!(related.ends_with("&exclude=4"), "{related}");
        // The same post alone, as `posts/<id>` answers it.
        let posts: Vec<serde_json::Value> = serde_json::from_str(RECORDED).unwrap();
        let alone = answer(200, &posts[0].to_string()).unwrap();
        let again = wp
            .read_post(&alone, "hopitaux-et-donnees")
            .unwrap()
            .unwrap();
        assert_eq!(again.article, post.article);
        assert!(wp.read_post(&list, "absent").unwrap().is_none());
        let refused = answer(401, r#"{"code":"rest_forbidden"}"#).unwrap();
        assert_eq!(
            wp.read_post(&refused, "hopitaux-et-donnees").unwrap_err(),
            ContentError::Status { code: 401 }
        );
    }

    #[test]
    fn a_page_of_posts_is_counted_by_its_header_and_past_the_end_is_not_found() {
        let wp = site("http://127.0.0.1:8081");
        let (url, headers) = wp.posts("&tags=4", 9, 2, true);
        assert!(
            url.ends_with("&per_page=9&page=2&order=asc&tags=4"),
            "{url}"
        );
        assert_eq!(headers, ["X-WP-Total"]);
        let page = Answer {
            status: 200,
            body: RECORDED.into(),
            headers: vec![Some(" 41 ".into())],
        };
        let (items, total) = wp.read_posts(&page).unwrap();
        assert_eq!((items.len(), total), (3, 41));
        let past = answer(400, r#"{"code":"rest_post_invalid_page_number"}"#).unwrap();
        assert_eq!(wp.read_posts(&past), Err(ContentError::NotFound));
    }
}
