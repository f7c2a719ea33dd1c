using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace NewsPulse.App.Web;

/// <summary>
/// The OpenAPI document of the HTTP API at <c>/openapi/v1.json</c> and a browsable reference of it at
/// <c>/scalar/v1</c>. Only <c>/api</c> and <c>/healthz</c> are described: the pages are for people, not tools.
/// </summary>
internal static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.ShouldInclude = description => description.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path == "healthz");
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "NewsPulse API",
                    Version = "v1",
                    Description = "Tagged news articles, companies, countries, themes, people and their quotes. Errors are RFC 7807 problem details; " +
                        "admin endpoints need an API key (X-Api-Key or Authorization: Bearer).",
                };
                return Task.CompletedTask;
            });
        });

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("NewsPulse API"));
        return app;
    }

    /// <summary>Documents query parameters an endpoint reads itself (so that it can answer each bad one with problem details).</summary>
    public static RouteHandlerBuilder WithQueryParameters(this RouteHandlerBuilder builder, params (string Name, string Description)[] parameters) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            foreach (var (name, description) in parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = ParameterLocation.Query,
                    Description = description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            return Task.CompletedTask;
        });
}
