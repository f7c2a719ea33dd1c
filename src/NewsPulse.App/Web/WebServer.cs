using NewsPulse.App.Hosting;

namespace NewsPulse.App.Web;

/// <summary>The web front: pages over the stored articles, on Kestrel, bound to the given URLs.</summary>
public static class WebServer
{
    /// <param name="connectionString">The database the pages read.</param>
    /// <param name="urls">Where Kestrel listens.</param>
    /// <param name="addServices">What the caller runs beside the pages (serve's scheduler).</param>
    public static WebApplication Build(string connectionString, string urls, Action<IServiceCollection>? addServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddNewsPulseSources();
        AppServices.ConfigureLogging(builder.Logging, builder.Configuration);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddNewsPulse(builder.Configuration, connectionString);
        builder.Services.AddWebPages();
        addServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapWebPages();
        app.MapFeedHealth();
        app.MapTagEndpoints();
        app.MapPeopleEndpoints();
        app.MapArticleSearch();
        app.MapBrowseEndpoints();
        app.MapHealth();
        return app;
    }
}
