namespace NewsPulse.Domain.Tests;

public class ArticleUrlTests
{
    [Theory]
    [InlineData("HTTPS://WWW.Example.COM:443/Path/Story.html#comments", "https://www.example.com/Path/Story.html")]
    [InlineData("http://example.com:80/a?b=2&a=1", "http://example.com/a?a=1&b=2")]
    [InlineData("https://example.com/a?utm_source=x&id=7&fbclid=abc&gclid=1&UTM_Medium=y", "https://example.com/a?id=7")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    public void Normalize_canonicalises_case_port_fragment_and_tracking(string input, string expected) =>
        Assert.Equal(expected, ArticleUrl.Normalize(new Uri(input)).AbsoluteUri);

    [Fact]
    public void Hash_is_equal_for_urls_that_normalise_alike_and_32_bytes_long()
    {
        var a = ArticleUrl.Hash(new Uri("https://Example.com/story?utm_campaign=x"));
        var b = ArticleUrl.Hash(new Uri("https://example.com/story#top"));
        var c = ArticleUrl.Hash(new Uri("https://example.com/other"));

        Assert.Equal(32, a.Length);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Normalize_rejects_relative_urls()
    {
        var error = Assert.Throws<ArgumentException>(() => ArticleUrl.Normalize(new Uri("/relative", UriKind.Relative)));
        Assert.Contains("absolute", error.Message, StringComparison.Ordinal);
    }
}
