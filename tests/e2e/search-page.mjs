// What the search page (/recherche, public/search.js) shows once it has answered, read the same
// way by the search tests on the sample site and by the tests of a site reading its CMS live.

/**
 * Waits until the search page of `page` has answered (results, none, or a failure) and reads
 * it: the status, the results' addresses, titles, dates and marked words (all, and the first
 * result's), whether the tags are offered, the field and the address.
 */
export async function searchAnswer(page, timeout = 20000) {
  await page.waitForFunction(
    () => {
      const status = document.querySelector(".search__status")?.textContent ?? "";
      return document.querySelector("[data-recherche]")?.veilleSearch && !/Recherche en cours|a besoin de JavaScript/.test(status);
    },
    null,
    { timeout },
  );
  return page.evaluate(() => {
    const links = [...document.querySelectorAll(".search-result__title a")];
    const marks = (selector) => [...document.querySelectorAll(`${selector} .search-result__excerpt mark`)].map((m) => m.textContent);
    return {
      status: document.querySelector(".search__status").textContent,
      urls: links.map((a) => a.getAttribute("href")),
      titles: links.map((a) => a.textContent),
      marks: marks(".search-result"),
      firstMarks: marks(".search-result:first-child"),
      dates: [...document.querySelectorAll(".search-result__meta time")].map((t) => t.dateTime),
      suggestions: !document.querySelector(".search__suggestions").hidden,
      field: document.querySelector("#recherche-page").value,
      address: location.pathname + location.search,
    };
  });
}
