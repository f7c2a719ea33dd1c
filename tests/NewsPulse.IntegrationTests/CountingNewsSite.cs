using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NewsPulse.IntegrationTests;

/// <summary>
/// A local news site on Kestrel: <c>/feed/{f}.xml</c> lists <c>/page/{f}-{i}.html</c> for each item, and every
/// request is counted by path, so a test can tell whether anything was fetched twice.
/// </summary>
internal sealed class CountingNewsSite : IAsyncDisposable
{
    private readonly WebApplication _server;

    private CountingNewsSite(WebApplication server, Uri baseUrl, ConcurrentDictionary<string, int> requests)
    {
        _server = server;
        BaseUrl = baseUrl;
        Requests = requests;
    }

    public Uri BaseUrl { get; }

    public ConcurrentDictionary<string, int> Requests { get; }

    /// <param name="itemsPerFeed">Items in every feed.</param>
    /// <param name="pageDelay">How long each page takes to answer, so that fetch passes last long enough to overlap.</param>
    public static async Task<CountingNewsSite> StartAsync(int itemsPerFeed, TimeSpan pageDelay = default)
    {
        var requests = new ConcurrentDictionary<string, int>();
        var server = LocalServer.Create(requests);
        server.MapGet("/feed/{f:int}.xml", (int f) => Results.Text(
            "<rss version=\"2.0\"><channel><title>Feed</title>"
            + string.Concat(Enumerable.Range(0, itemsPerFeed).Select(i => $"<item><title>Story {f}-{i}</title><link>/page/{f}-{i}.html</link></item>"))
            + "</channel></rss>", "application/rss+xml"));
        server.MapGet("/page/{id}.html", async (string id) =>
        {
            if (pageDelay > TimeSpan.Zero)
            {
                await Task.Delay(pageDelay);
            }

            return Results.Text(
                $"<html lang=\"en\"><body><article><h1>Story {id}</h1>"
                + string.Concat(Enumerable.Range(0, 4).Select(p => $"<p>Paragraph {p} of story {id}: markets moved as investors weighed the outlook for chip makers.</p>"))
                + "</article></body></html>", "text/html");
        });
        await server.StartAsync();
        return new CountingNewsSite(server, new Uri(server.Urls.First() + "/"), requests);
    }

    /// <summary>Writes a feeds.yaml listing <paramref name="feeds"/> of the site's feeds, by URLs relative to it.</summary>
    public static async Task<string> WriteFeedsFileAsync(string folder, int feeds, Uri? baseUrl = null)
    {
        var path = Path.Combine(folder, "feeds.yaml");
        await File.WriteAllTextAsync(path, "feeds:\n" + string.Concat(Enumerable.Range(0, feeds).Select(f =>
            $"  - name: Feed {f}\n    url: {(baseUrl is null ? "" : baseUrl.ToString())}feed/{f.ToString(CultureInfo.InvariantCulture)}.xml\n")));
        return path;
    }

    /// <summary>How many distinct paths under <paramref name="prefix"/> were requested.</summary>
    public int Distinct(string prefix) => Requests.Count(r => r.Key.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>Paths (robots.txt aside, which each process caches for itself) requested more than once.</summary>
    public string[] RequestedTwice() => Requests.Where(r => r.Key != "/robots.txt" && r.Value > 1).Select(r => $"{r.Key} x{r.Value}").ToArray();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
