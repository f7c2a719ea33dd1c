using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace NewsPulse.App.Demo;

/// <summary>
/// Serves a folder over HTTP on 127.0.0.1 with Kestrel: the demo's sample feeds and pages, since the demo
/// has no internet to poll.
/// </summary>
public sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StaticSiteServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's root URL, ending in a slash.</summary>
    public Uri BaseUrl { get; }

    /// <param name="folder">The folder to serve.</param>
    /// <param name="preferredPort">Port to try first (0: any free port); a taken port falls back to a free one.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<StaticSiteServer> StartAsync(string folder, int preferredPort, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder to serve does not exist: {folder}");
        }

        try
        {
            return await StartOnPortAsync(folder, preferredPort, cancellationToken);
        }
        catch (IOException) when (preferredPort != 0)
        {
            return await StartOnPortAsync(folder, 0, cancellationToken);
        }
    }

    private static async Task<StaticSiteServer> StartOnPortAsync(string folder, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var contentTypes = new FileExtensionContentTypeProvider();
        contentTypes.Mappings[".rdf"] = "application/rdf+xml";
        contentTypes.Mappings[".atom"] = "application/atom+xml";
        contentTypes.Mappings[".rss"] = "application/rss+xml";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.GetFullPath(folder)),
            ContentTypeProvider = contentTypes,
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticSiteServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
