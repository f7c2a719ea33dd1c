using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPulse.Domain;
using NewsPulse.Storage.Migrations;

namespace NewsPulse.IntegrationTests;

public sealed class MigrationTests : FreshDatabaseTest
{
    private SchemaMigrator Migrator() => new(DataSource, NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task Empty_database_gets_every_migration_and_a_second_run_is_a_no_op()
    {
        var embedded = SchemaMigrator.EmbeddedMigrations();

        var first = await Migrator().MigrateAsync(CancellationToken.None);
        var second = await Migrator().MigrateAsync(CancellationToken.None);

        Assert.Equal(embedded.Select(m => m.Version), first.Applied.Select(m => m.Version));
        Assert.Equal(0, first.AlreadyApplied);
        Assert.Empty(second.Applied);
        Assert.Equal(embedded.Count, second.AlreadyApplied);
        await using var connection = await DataSource.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).ToHashSet();
        Assert.Superset(new HashSet<string> { "feeds", "articles", "article_html", "ingest_runs", "schema_migrations" }, tables);
        Assert.Equal(embedded.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Concurrent_starts_apply_each_migration_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Migrator().MigrateAsync(CancellationToken.None)));

        Assert.Equal(SchemaMigrator.EmbeddedMigrations().Count, results.Sum(r => r.Applied.Count));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_is_refused()
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        await using (var connection = await DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator().MigrateAsync(CancellationToken.None));

        Assert.Contains("0001_initial was changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_names_the_code_uses_are_exactly_those_the_schema_allows()
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        await using var connection = await DataSource.OpenConnectionAsync();
        var check = await connection.ExecuteScalarAsync<string>("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'articles_status_check'");
        var names = typeof(ArticleStatusNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToArray();

        Assert.Equal(names.Order(), Regex.Matches(check!, "'([a-z]+)'").Select(m => m.Groups[1].Value).Order());
    }

    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
    {
        var versions = SchemaMigrator.EmbeddedMigrations().Select(m => m.Version).ToArray();

        Assert.Equal(Enumerable.Range(1, versions.Length), versions);
    }
}
