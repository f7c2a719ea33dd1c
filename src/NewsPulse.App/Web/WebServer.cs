using NewsPulse.App.Hosting;
using NewsPulse.App.Telemetry;
using OpenTelemetry.Metrics;

namespace NewsPulse.App.Web;

/// <summary>The web front: pages and the HTTP API over the stored articles, on Kestrel, bound to the given URLs.</summary>
public static class WebServer
{
    /// <param name="connectionString">The database the pages read.</param>
    /// <param name="urls">Where Kestrel listens.</param>
    /// <param name="addServices">What the caller runs beside the pages (serve's scheduler).</param>
    /// <param name="settings">Settings fixed by the caller, above every other source (tests, benchmarks).</param>
    public static WebApplication Build(string connectionString, string urls, Action<IServiceCollection>? addServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddNewsPulseSources();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        AppServices.ConfigureLogging(builder.Logging, builder.Configuration);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddNewsPulse(builder.Configuration, connectionString);
        builder.Services.AddWebPages();
        builder.Services.AddProblemDetails();
        builder.Services.AddApiRateLimiting(builder.Configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>() ?? new ApiOptions());
        builder.Services.AddApiDocumentation();
        builder.Services.AddSingleton<ReprocessJobs>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PipelineMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        addServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseRateLimiter();
        app.UseMiddleware<ConditionalGetMiddleware>();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapApiDocumentation();
        app.MapWebPages();
        app.MapFeedHealth();
        app.MapTagEndpoints();
        app.MapPeopleEndpoints();
        app.MapArticleSearch();
        app.MapBrowseEndpoints();
        app.MapAdminEndpoints();
        app.MapSubscriptionEndpoints();
        app.MapHealth();
        return app;
    }
}
