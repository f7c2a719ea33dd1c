using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsPulse.Ingest.Fetching;

namespace NewsPulse.IntegrationTests;

/// <summary>The HTTP shell against a real Kestrel on 127.0.0.1 that misbehaves on purpose.</summary>
public sealed class HttpFetcherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private WebApplication _server = null!;
    private Uri _base = null!;

    public async Task InitializeAsync()
    {
        _server = LocalServer.Create();
        _server.MapGet("/rate-limited", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = "120";
            return Results.StatusCode(429);
        });
        _server.MapGet("/unavailable-until", (HttpResponse response) =>
        {
            response.Headers.RetryAfter = Now.AddHours(2).ToString("R", CultureInfo.InvariantCulture);
            return Results.StatusCode(503);
        });
        _server.MapGet("/gone", () => Results.StatusCode(410));
        _server.MapGet("/flaky/{key}", (string key) =>
            _attempts.AddOrUpdate(key, 1, (_, n) => n + 1) == 1 ? Results.StatusCode(503) : Results.Text("<rss/>", "application/rss+xml"));
        _server.MapGet("/overloaded/{key}", (string key, HttpResponse response) =>
        {
            _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
            response.Headers.RetryAfter = "60";
            return Results.StatusCode(503);
        });
        _server.MapGet("/cached", (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=600";
            response.Headers.Expires = Now.AddHours(1).ToString("R", CultureInfo.InvariantCulture);
            response.Headers.ETag = "\"v1\"";
            return Results.Text("<rss/>", "application/rss+xml");
        });
        _server.MapGet("/conditional", (HttpRequest request) =>
            request.Headers.IfNoneMatch == "\"v1\"" ? Results.StatusCode(304) : Results.Text("<rss/>", "application/rss+xml"));
        _server.MapGet("/huge", () => Results.Text(new string('x', 64 * 1024), "text/html"));
        _server.MapGet("/endless", async (HttpResponse response, CancellationToken cancellationToken) =>
        {
            var chunk = new byte[8192];
            for (var i = 0; i < 1000 && !cancellationToken.IsCancellationRequested; i++)
            {
                await response.Body.WriteAsync(chunk, cancellationToken);
            }
        });
        _server.MapGet("/loop", () => Results.Redirect("/loop"));
        _server.MapGet("/server-error", () => Results.StatusCode(500));
        _server.MapGet("/slow", async (CancellationToken cancellationToken) =>
        {
            // Answers only when the client gives up: the fetcher's own time limit must end the wait.
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Results.Ok();
        });
        _server.MapGet("/gzip-bomb", async (HttpResponse response) =>
        {
            response.Headers.ContentEncoding = "gzip";
            response.ContentType = "text/html";
            await response.Body.WriteAsync(GzipBomb);
        });
        _server.MapGet("/moved", () => Results.Redirect("/moved-again", permanent: true));
        _server.MapGet("/moved-again", () => Results.Redirect("/cached", permanent: true, preserveMethod: true));
        _server.MapGet("/temporary", () => Results.Redirect("/cached"));
        _server.MapGet("/moved-to-temporary", () => Results.Redirect("/temporary", permanent: true));
        await _server.StartAsync();
        _base = new Uri(_server.Urls.First());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>16 MB of zeros that gzip to about 16 KB.</summary>
    private static readonly byte[] GzipBomb = Gzip(new byte[16 * 1024 * 1024]);

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private HttpFetcher Fetcher(long maxBytes = 1024 * 1024, bool allowPrivateNetworks = true, int timeoutSeconds = 30, int retries = 0)
    {
        var options = new FetchOptions
        {
            MaxFeedBytes = maxBytes,
            MaxPageBytes = maxBytes,
            AllowPrivateNetworks = allowPrivateNetworks,
            TimeoutSeconds = timeoutSeconds,
            Retries = retries,
            RetryDelayMs = 0,
        };
        var client = new HttpClient(HttpFetcher.CreateHandlerChain(options, _time));
        HttpFetcher.ConfigureClient(client, options);
        return new HttpFetcher(client, Options.Create(options), new HostGate(options.PerHostConcurrency, TimeSpan.Zero, _time), _time);
    }

    private Uri At(string path) => new(_base, path);

    [Fact]
    public async Task Too_many_requests_carries_retry_after_as_a_delay()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchFeedAsync(At("/rate-limited"), ConditionalHeaders.None, CancellationToken.None));

        Assert.Equal((429, TimeSpan.FromSeconds(120)), (error.StatusCode, error.RetryAfter));
        Assert.StartsWith("HTTP 429", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_as_a_date_is_measured_from_the_injected_clock()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchFeedAsync(At("/unavailable-until"), ConditionalHeaders.None, CancellationToken.None));

        Assert.Equal((503, TimeSpan.FromHours(2)), (error.StatusCode, error.RetryAfter));
    }

    [Fact]
    public async Task A_passing_server_error_is_retried_once_and_the_second_answer_counts()
    {
        var response = await Fetcher(retries: 1).FetchFeedAsync(At("/flaky/feed"), ConditionalHeaders.None, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, _attempts["feed"]);
    }

    [Fact]
    public async Task An_answer_with_retry_after_is_not_retried_but_handed_back_to_the_scheduler()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher(retries: 1).FetchFeedAsync(At("/overloaded/feed"), ConditionalHeaders.None, CancellationToken.None));

        Assert.Equal((503, TimeSpan.FromSeconds(60)), (error.StatusCode, error.RetryAfter));
        Assert.Equal(1, _attempts["feed"]);
    }

    [Fact]
    public async Task A_refused_private_address_never_reaches_the_server_even_with_retries()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() =>
            Fetcher(allowPrivateNetworks: false, retries: 1).FetchFeedAsync(At("/flaky/private"), ConditionalHeaders.None, CancellationToken.None));

        Assert.StartsWith("refused:", error.Message, StringComparison.Ordinal);
        Assert.False(_attempts.ContainsKey("private"));
    }

    [Fact]
    public async Task Gone_is_an_error_with_its_status()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchFeedAsync(At("/gone"), ConditionalHeaders.None, CancellationToken.None));

        Assert.Equal(410, error.StatusCode);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task Caching_hints_and_validators_come_back_and_a_conditional_get_costs_a_304()
    {
        var fetcher = Fetcher();

        var first = await fetcher.FetchFeedAsync(At("/cached"), ConditionalHeaders.None, CancellationToken.None);
        var second = await fetcher.FetchFeedAsync(At("/conditional"), new ConditionalHeaders(first.ETag, null), CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(10), first.MaxAge);
        Assert.Equal(Now.AddHours(1), first.Expires);
        Assert.Equal("\"v1\"", first.ETag);
        Assert.True(second.NotModified);
        Assert.Empty(second.Body);
    }

    [Theory]
    [InlineData("/huge", "response too large: 65536 bytes declared, the limit is 4096")]
    [InlineData("/endless", "response too large: more than 4096 bytes, download stopped")]
    public async Task Bodies_over_the_cap_are_refused_with_the_reason(string path, string expected)
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher(maxBytes: 4096).FetchPageAsync(At(path), CancellationToken.None));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public async Task A_server_error_is_recorded_with_its_status()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchFeedAsync(At("/server-error"), ConditionalHeaders.None, CancellationToken.None));

        Assert.Equal("HTTP 500 Internal Server Error", error.Message);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher(timeoutSeconds: 1).FetchPageAsync(At("/slow"), CancellationToken.None));

        Assert.Equal("timed out after 1 s", error.Message);
    }

    [Fact]
    public async Task A_gzip_bomb_is_cut_at_the_decompressed_cap()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher(maxBytes: 1024 * 1024).FetchPageAsync(At("/gzip-bomb"), CancellationToken.None));

        Assert.Equal("response too large: more than 1048576 bytes, download stopped", error.Message);
    }

    [Fact]
    public async Task A_redirect_loop_ends_as_a_recorded_error_after_the_limit()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchPageAsync(At("/loop"), CancellationToken.None));

        Assert.Equal(302, error.StatusCode);
        Assert.StartsWith("too many redirects: more than 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/moved", "/cached")]
    [InlineData("/moved-to-temporary", "/temporary")]
    [InlineData("/temporary", null)]
    public async Task Only_a_chain_of_permanent_redirects_from_the_start_says_where_a_url_moved(string path, string? movedTo)
    {
        var response = await Fetcher().FetchFeedAsync(At(path), ConditionalHeaders.None, CancellationToken.None);

        Assert.Equal(At("/cached"), response.FinalUrl);
        Assert.Equal(movedTo is null ? null : At(movedTo), response.MovedPermanentlyTo);
        Assert.Equal("<rss/>", System.Text.Encoding.UTF8.GetString(response.Body));
    }

    [Theory]
    [InlineData("/cached")]
    [InlineData("/loop")]
    public async Task Local_addresses_are_refused_unless_allowed(string path)
    {
        var url = At(path);
        var localhost = new UriBuilder(url) { Host = "localhost" }.Uri;

        var byAddress = await Assert.ThrowsAsync<FetchException>(() => Fetcher(allowPrivateNetworks: false).FetchPageAsync(url, CancellationToken.None));
        var byName = await Assert.ThrowsAsync<FetchException>(() => Fetcher(allowPrivateNetworks: false).FetchPageAsync(localhost, CancellationToken.None));

        Assert.StartsWith("refused: 127.0.0.1 resolves to a local or private address", byAddress.Message, StringComparison.Ordinal);
        Assert.Contains("Fetch:AllowPrivateNetworks=true", byName.Message, StringComparison.Ordinal);
        Assert.Null(byAddress.StatusCode);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/feed")]
    [InlineData("file:///etc/passwd")]
    public async Task Only_http_and_https_are_fetched(string url)
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => Fetcher().FetchPageAsync(new Uri(url), CancellationToken.None));

        Assert.StartsWith("refused: only http and https", error.Message, StringComparison.Ordinal);
    }
}
