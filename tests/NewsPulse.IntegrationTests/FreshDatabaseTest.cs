using Npgsql;

namespace NewsPulse.IntegrationTests;

/// <summary>Base for tests that each need an empty database of their own (xunit makes one instance per test).</summary>
public abstract class FreshDatabaseTest : IAsyncLifetime
{
    protected string ConnectionString { get; private set; } = string.Empty;

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
    }
}
