using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NewsPulse.App.Hosting;
using NewsPulse.App.Web;

namespace NewsPulse.IntegrationTests;

/// <summary>The real web front on Kestrel at 127.0.0.1 (a free port), with an admin key configured, and a client for it.</summary>
internal sealed class TestWebServer : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-7f3a9c1e5b2d8f4a6c0e";

    private TestWebServer(WebApplication web)
    {
        Web = web;
        Http = new HttpClient { BaseAddress = new Uri(web.Urls.First()) };
    }

    public WebApplication Web { get; }

    public HttpClient Http { get; }

    /// <param name="connectionString">The database it serves.</param>
    /// <param name="settings">Settings for this server.</param>
    /// <param name="addServices">Services to run beside it (a scheduler).</param>
    /// <param name="withAdminKey">Configure <see cref="AdminKey"/> as the admin key (else none is).</param>
    public static async Task<TestWebServer> StartAsync(
        string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? addServices = null, bool withAdminKey = true)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (withAdminKey)
        {
            all["Api:AdminKeys:0"] = AdminKey;
        }

        // serve migrates through the app's services before it listens; so does this server.
        await (await AppServices.StartAsync(CancellationToken.None, connectionString)).DisposeAsync();
        var web = WebServer.Build(connectionString, "http://127.0.0.1:0", addServices, all);
        await web.StartAsync();
        return new TestWebServer(web);
    }

    /// <summary>A request carrying the admin key.</summary>
    public static HttpRequestMessage Admin(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add("X-Api-Key", AdminKey);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Web.DisposeAsync();
    }
}
