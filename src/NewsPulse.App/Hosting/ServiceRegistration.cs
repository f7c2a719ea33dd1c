using Microsoft.Extensions.Options;
using NewsPulse.App.Digest;
using NewsPulse.App.Ingestion;
using NewsPulse.App.Quotes;
using NewsPulse.App.Tagging;
using NewsPulse.App.Telemetry;
using NewsPulse.Ingest.Extraction;
using NewsPulse.Ingest.Fetching;
using NewsPulse.Storage.Migrations;
using NewsPulse.Storage.Stores;
using Npgsql;

namespace NewsPulse.App.Hosting;

public static class ServiceRegistration
{
    /// <summary>Everything the commands and the web server share, bound to one database.</summary>
    public static IServiceCollection AddNewsPulse(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        DapperSetup.Configure();
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<PipelineMetrics>();
        services.AddOptions<FetchOptions>().Bind(configuration.GetSection(FetchOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClusteringOptions>().Bind(configuration.GetSection(ClusteringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        services.AddOptions<ExtractionOptions>().Bind(configuration.GetSection(ExtractionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ServeOptions>().Bind(configuration.GetSection(ServeOptions.SectionName));
        services.AddOptions<TaggingOptions>().Bind(configuration.GetSection(TaggingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QuotesOptions>().Bind(configuration.GetSection(QuotesOptions.SectionName));
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = "newspulse" }.Build());
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IngestRunStore>();
        services.AddSingleton<StoryClusterStore>();
        services.AddSingleton<TagStore>();
        services.AddSingleton(provider => new ModelFiles(
            provider.GetRequiredService<IOptions<TaggingOptions>>().Value, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<ModelFiles>>()));
        services.AddTransient<TaggingStage>();
        services.AddSingleton<QuoteStore>();
        services.AddSingleton<ArticleSearch>();
        services.AddSingleton<TagStatistics>();
        services.AddTransient<QuoteStage>();
        services.AddTransient<PersonLookup>();
        services.AddTransient<TagDecisions>();
        services.AddTransient<ModelTraining>();
        services.AddSingleton<SubscriberStore>();
        services.AddSingleton<DigestStore>();
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<MailTransport>();
        services.AddTransient<DigestService>();

        services.AddHttpClient<HttpFetcher>(HttpFetcher.HttpClientName)
            .ConfigureHttpClient((provider, client) => HttpFetcher.ConfigureClient(client, provider.GetRequiredService<IOptions<FetchOptions>>().Value))
            .ConfigurePrimaryHttpMessageHandler(provider =>
                HttpFetcher.CreateHandlerChain(provider.GetRequiredService<IOptions<FetchOptions>>().Value, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider =>
        {
            var fetch = provider.GetRequiredService<IOptions<FetchOptions>>().Value;
            return new HostGate(fetch.PerHostConcurrency, TimeSpan.FromMilliseconds(fetch.PerHostDelayMs), provider.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<RobotsCache>();
        services.AddSingleton<ArticleExtractor>();
        services.AddTransient<ExtractionStage>();
        services.AddTransient<IngestPipeline>();
        services.AddTransient<Reprocessor>();
        return services;
    }
}
