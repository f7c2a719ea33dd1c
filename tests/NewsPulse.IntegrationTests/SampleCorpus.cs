using NewsPulse.App.Demo;
using NewsPulse.App.Hosting;
using NewsPulse.App.Ingestion;
using NewsPulse.Tests;

namespace NewsPulse.IntegrationTests;

/// <summary>The bundled sample feeds (English and French), served by a local Kestrel and ingested through the whole pipeline.</summary>
internal static class SampleCorpus
{
    public static readonly string Folder = RepositoryRoot.Combine("samples");

    /// <summary>Ingests every sample feed into the database; the returned services stay bound to it.</summary>
    /// <param name="connectionString">The database to fill.</param>
    /// <param name="extra">Settings over the local-fetching ones (say, tagging off).</param>
    public static async Task<AppServices> IngestAsync(string connectionString, IReadOnlyDictionary<string, string?>? extra = null)
    {
        await using var site = await StaticSiteServer.StartAsync(Folder, 0, CancellationToken.None);
        var settings = new Dictionary<string, string?>(AppConfiguration.LocalSampleFetching);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = await AppServices.StartAsync(CancellationToken.None, connectionString, settings);
        await app.Get<IngestPipeline>().RunOnceAsync(new IngestRequest(Path.Combine(Folder, "feeds.yaml"), site.BaseUrl), null, CancellationToken.None);
        return app;
    }
}
