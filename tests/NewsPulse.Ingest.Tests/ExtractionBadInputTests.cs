using System.Diagnostics;
using System.Text;
using NewsPulse.Ingest.Extraction;

namespace NewsPulse.Ingest.Tests;

/// <summary>Pages that are not pages: each ends as an article or a clear error within the time limit, never as a crash.</summary>
public class ExtractionBadInputTests
{
    // Generous: these tests are about bad input, not speed, and a loaded CI machine must not turn them into time-outs.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly Uri Url = new("http://x.example/story");
    private static readonly string Paragraph =
        "<p>Le ministère a précisé que la réforme entrerait en vigueur au printemps, selon un communiqué publié lundi, et que les entreprises auraient six mois pour s’y conformer.</p>";

    private readonly ArticleExtractor _extractor = new();

    [Theory]
    [InlineData("", "the page is empty")]
    [InlineData(" \r\n\t ", "the page is empty")]
    public async Task An_empty_page_is_an_error_that_says_so(string html, string expected)
    {
        Assert.Equal(expected, (await _extractor.ExtractAsync(html, Url, Limit)).Error);
    }

    [Fact]
    public async Task Binary_data_is_refused_as_not_html()
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);

        var result = await _extractor.ExtractAsync(HtmlDecoder.Decode(bytes, "text/html"), Url, Limit);

        Assert.Equal("not an HTML page: binary data", result.Error);
    }

    [Fact]
    public async Task Ten_thousand_nested_elements_do_not_exhaust_the_stack()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + Paragraph + Paragraph
            + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>";

        var result = await _extractor.ExtractAsync(html, Url, TimeSpan.FromSeconds(30));

        Assert.Contains("six mois", result.Article!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_twenty_megabyte_page_ends_as_an_article_or_a_time_limit_error_within_the_limit()
    {
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat(Paragraph, 20 * 1024 * 1024 / Paragraph.Length)) + "</article></body></html>";
        var limit = TimeSpan.FromSeconds(2);
        var clock = Stopwatch.StartNew();

        var result = await _extractor.ExtractAsync(html, Url, limit);

        Assert.True(clock.Elapsed < limit + TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.True(result.Article is not null || result.Error!.StartsWith("extraction gave up after 2 s", StringComparison.Ordinal), result.Problem);
    }

    [Fact]
    public async Task A_page_over_the_time_limit_is_an_error_naming_the_limit()
    {
        var html = "<html><body><article>" + string.Concat(Enumerable.Repeat(Paragraph, 20_000)) + "</article></body></html>";

        var result = await _extractor.ExtractAsync(html, Url, TimeSpan.FromMilliseconds(1));

        Assert.StartsWith("extraction gave up after 0.001 s", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-8")]
    [InlineData("iso-8859-1")]
    public async Task A_lying_charset_declaration_does_not_garble_windows_1252_text(string declared)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes($"<html><head><meta charset=\"{declared}\"></head><body><article>{Paragraph}{Paragraph}</article></body></html>");

        var article = (await _extractor.ExtractAsync(HtmlDecoder.Decode(bytes, contentType: null), Url, Limit)).Article!;

        Assert.Contains("Le ministère a précisé que la réforme", article.Text, StringComparison.Ordinal);
        Assert.Equal("fr", article.Language);
    }
}
