using System.Globalization;
using System.Text;

namespace NewsPulse.Bench;

/// <summary>
/// A local news site for the ingest benchmark: N RSS feeds of M items each, every item an article page of
/// realistic size (navigation, boilerplate, 10 paragraphs, comments). Deterministic: the same seed, the same site.
/// </summary>
internal static class GeneratedSite
{
    private static readonly string[] Words =
    [
        "markets", "regulators", "chip", "makers", "investors", "Brussels", "Washington", "Beijing", "quarter", "revenue",
        "open-source", "model", "weights", "licence", "tariffs", "exports", "analysts", "growth", "shares", "index",
        "central", "bank", "inflation", "cloud", "capacity", "data", "centres", "security", "breach", "talks",
    ];

    public static string Create(int feeds, int itemsPerFeed, int seed)
    {
        var root = Directory.CreateTempSubdirectory("newspulse-bench-site-").FullName;
        var random = new Random(seed);
        var yaml = new StringBuilder("feeds:\n");
        for (var f = 0; f < feeds; f++)
        {
            var rss = new StringBuilder($"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Feed {f}</title><link>/</link>");
            var folder = Path.Combine(root, "site", f.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            for (var i = 0; i < itemsPerFeed; i++)
            {
                var title = Sentence(random, 8);
                rss.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">f{f}-i{i}</guid><title>{title}</title><link>/site/{f}/{i}.html</link>");
                rss.Append(CultureInfo.InvariantCulture, $"<pubDate>{new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i).ToString("R", CultureInfo.InvariantCulture)}</pubDate></item>");
                File.WriteAllText(Path.Combine(folder, $"{i}.html"), Page(random, title));
            }

            rss.Append("</channel></rss>");
            File.WriteAllText(Path.Combine(root, $"feed-{f}.xml"), rss.ToString());
            yaml.Append(CultureInfo.InvariantCulture, $"  - name: Feed {f}\n    url: feed-{f}.xml\n    language: en\n");
        }

        File.WriteAllText(Path.Combine(root, "feeds.yaml"), yaml.ToString());
        return root;
    }

    private static string Page(Random random, string title)
    {
        var page = new StringBuilder(120_000);
        page.Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | Bench Wire</title>");
        // Real pages carry large inline styles and scripts; this brings a page near the 115 KB median of real article pages.
        page.Append("<style>").Append(new string(' ', 60_000)).Append("</style><script>var analytics = {};</script></head><body>");
        page.Append("<div class=\"cookie-banner\"><p>We use cookies to improve your experience. Accept all?</p></div><nav class=\"menu\">");
        for (var n = 0; n < 60; n++)
        {
            page.Append(CultureInfo.InvariantCulture, $"<a href=\"/section/{n}\">Section {n}</a> ");
        }

        page.Append(CultureInfo.InvariantCulture, $"</nav><article><h1>{title}</h1><p class=\"byline\">By Bench Writer</p>");
        for (var p = 0; p < 10; p++)
        {
            page.Append("<p>").Append(Sentence(random, 60)).Append("</p>");
        }

        page.Append("</article><section class=\"comments\">");
        for (var c = 0; c < 20; c++)
        {
            page.Append("<div class=\"comment\"><p>").Append(Sentence(random, 30)).Append("</p></div>");
        }

        page.Append("</section><footer>");
        for (var n = 0; n < 80; n++)
        {
            page.Append(CultureInfo.InvariantCulture, $"<a href=\"/about/{n}\">Footer link {n}</a> ");
        }

        return page.Append("</footer></body></html>").ToString();
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + ".";
}
