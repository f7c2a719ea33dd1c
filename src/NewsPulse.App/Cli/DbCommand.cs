using System.CommandLine;
using NewsPulse.App.Hosting;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse db status|start|stop|migrate</c>: the embedded database's life cycle and the schema.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "Manage the database: the embedded PostgreSQL (when no connection string is configured) and the schema.");

        var status = new Command("status", "Show which database is used and, for the embedded one, whether it runs and where.");
        status.SetGuardedAction(async (_, cancellationToken) =>
        {
            var configuration = AppConfiguration.Build();
            ConfigurationValidator.ThrowIfInvalid(configuration);
            if (AppConfiguration.ConfiguredConnectionString(configuration) is not null)
            {
                AnsiConsole.WriteLine("Database: configured by ConnectionStrings:NewsPulse (not the embedded one).");
                await using var app = await AppServices.StartAsync(cancellationToken);
                AnsiConsole.WriteLine("Reachable: yes; schema up to date.");
                return 0;
            }

            using var loggerFactory = AppServices.CreateLoggerFactory(configuration);
            var state = await (await DatabaseBootstrap.LocalClusterAsync(configuration, loggerFactory, cancellationToken)).StatusAsync(cancellationToken);
            var table = new Table().AddColumn("embedded PostgreSQL").AddColumn("");
            table.AddRow("data directory", Markup.Escape(state.DataDirectory));
            table.AddRow("initialised", state.Initialized ? $"yes (PostgreSQL {state.ServerVersion})" : "no (created on first use)");
            table.AddRow("running", state.Running ? $"yes, pid {state.ProcessId}, 127.0.0.1:{state.Port}" : "no");
            if (state.RunsAsUser is { } user)
            {
                table.AddRow("runs as", Markup.Escape(user));
            }

            AnsiConsole.Write(table);
            return 0;
        });

        var start = new Command("start", "Create (first time) and start the embedded PostgreSQL, and apply migrations.");
        start.SetGuardedAction(async (_, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            AnsiConsole.WriteLine("Database ready; schema up to date.");
            return 0;
        });

        var stop = new Command("stop", "Stop the embedded PostgreSQL (fast shutdown; nothing committed is lost).");
        stop.SetGuardedAction(async (_, cancellationToken) =>
        {
            var configuration = AppConfiguration.Build();
            ConfigurationValidator.ThrowIfInvalid(configuration);
            using var loggerFactory = AppServices.CreateLoggerFactory(configuration);
            var stopped = await (await DatabaseBootstrap.LocalClusterAsync(configuration, loggerFactory, cancellationToken)).StopAsync(cancellationToken);
            AnsiConsole.WriteLine(stopped ? "Embedded PostgreSQL stopped." : "Embedded PostgreSQL was not running.");
            return 0;
        });

        var migrate = new Command("migrate", "Apply pending migrations from sql/ (also done automatically by every command).");
        migrate.SetGuardedAction(async (_, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            foreach (var migration in app.Migration.Applied)
            {
                AnsiConsole.WriteLine($"applied {migration.Version:0000}_{migration.Name}");
            }

            AnsiConsole.WriteLine($"Schema up to date: {app.Migration.Applied.Count} applied now, {app.Migration.AlreadyApplied} already in place.");
            return 0;
        });

        command.Subcommands.Add(status);
        command.Subcommands.Add(start);
        command.Subcommands.Add(stop);
        command.Subcommands.Add(migrate);
        return command;
    }
}
