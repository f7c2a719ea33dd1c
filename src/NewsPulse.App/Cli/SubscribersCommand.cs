using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using NewsPulse.App.Digest;
using NewsPulse.App.Hosting;
using NewsPulse.Storage.Stores;
using Spectre.Console;

namespace NewsPulse.App.Cli;

/// <summary><c>newspulse subscribers add|list|remove</c>: the digest's subscribers, for operators.</summary>
internal static class SubscribersCommand
{
    public static Command Create()
    {
        var command = new Command("subscribers", "The daily digest's subscribers: add one (confirmed, or sent a confirmation email), list them, remove one.");
        command.Subcommands.Add(CreateAdd());
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateRemove());
        return command;
    }

    private static Command CreateAdd()
    {
        var email = new Argument<string>("email") { Description = "The subscriber's email address." };
        var companies = new Option<string[]>("--company") { Description = "A company to follow (repeatable).", AllowMultipleArgumentsPerToken = true };
        var countries = new Option<string[]>("--country") { Description = "A country to follow: ISO code or name (repeatable).", AllowMultipleArgumentsPerToken = true };
        var themes = new Option<string[]>("--theme") { Description = "A theme to follow (repeatable).", AllowMultipleArgumentsPerToken = true };
        var people = new Option<string[]>("--person") { Description = "A person to follow, full name (repeatable).", AllowMultipleArgumentsPerToken = true };
        var keywords = new Option<string[]>("--keyword") { Description = "A word or phrase to follow (repeatable).", AllowMultipleArgumentsPerToken = true };
        var languages = new Option<string[]>("--language") { Description = "Story languages wanted, e.g. en fr (default: all).", AllowMultipleArgumentsPerToken = true };
        var sendHour = new Option<int?>("--send-hour") { Description = "Local hour the digest is sent, 0-23 (default 7)." };
        var timeZone = new Option<string?>("--time-zone") { Description = "IANA time zone, e.g. Europe/Paris (default UTC)." };
        var maxStories = new Option<int?>("--max-stories") { Description = "Stories per digest, 1-50 (default 10)." };
        var locale = new Option<string?>("--locale") { Description = "Language of the email's own text: en or fr." };
        var confirm = new Option<bool>("--confirmed") { Description = "Confirm at once instead of sending a confirmation email (the operator vouches for the address)." };
        var command = new Command("add", "Subscribe an address; without --confirmed a confirmation email is sent, as the web form does.")
        {
            email, companies, countries, themes, people, keywords, languages, sendHour, timeZone, maxStories, locale, confirm,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            var request = new SubscriptionRequest
            {
                Email = parseResult.GetValue(email),
                Companies = parseResult.GetValue(companies),
                Countries = parseResult.GetValue(countries),
                Themes = parseResult.GetValue(themes),
                People = parseResult.GetValue(people),
                Keywords = parseResult.GetValue(keywords),
                Languages = parseResult.GetValue(languages),
                SendHour = parseResult.GetValue(sendHour),
                TimeZone = parseResult.GetValue(timeZone),
                MaxStories = parseResult.GetValue(maxStories),
                Locale = parseResult.GetValue(locale),
            };
            var (preferences, problem) = request.Validate();
            if (problem is not null)
            {
                throw new UserInputException($"{problem.Field}: {problem.Message}.");
            }

            await using var app = await AppServices.StartAsync(cancellationToken);
            var confirmed = parseResult.GetValue(confirm);
            var outcome = await app.Get<SubscriberStore>().SubscribeAsync(preferences!, confirmed, cancellationToken);
            if (outcome.AlreadyConfirmed)
            {
                Console.WriteLine($"{outcome.Subscriber.Email} is already a confirmed subscriber (#{outcome.Subscriber.Id}); nothing changed. Remove it first to start again.");
                return 0;
            }

            if (!confirmed)
            {
                try
                {
                    await app.Get<DigestService>().SendConfirmationAsync(outcome.Subscriber, alreadyConfirmed: false, cancellationToken);
                }
                catch (MailDeliveryException ex)
                {
                    throw new UserInputException($"Subscriber #{outcome.Subscriber.Id} stored as pending, but the confirmation email was not sent: {ex.Message}", ex);
                }
            }

            Console.WriteLine(confirmed
                ? $"Subscriber #{outcome.Subscriber.Id} {outcome.Subscriber.Email}: confirmed."
                : $"Subscriber #{outcome.Subscriber.Id} {outcome.Subscriber.Email}: pending; confirmation email sent to {app.Get<MailTransport>().Destination}.");
            return 0;
        });
        return command;
    }

    private static Command CreateList()
    {
        var format = OutputFormat.CreateOption();
        var status = new Option<string?>("--status") { Description = "Only this status: pending, confirmed, unsubscribed or bounced." };
        status.AcceptOnlyFromAmong("pending", "confirmed", "unsubscribed", "bounced");
        var command = new Command("list", "Subscribers with their status and what they follow.") { format, status };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var subscribers = await app.Get<SubscriberStore>().ListAsync(parseResult.GetValue(status), cancellationToken);
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(subscribers, JsonOutput.Indented));
                return 0;
            }

            var table = new Table().AddColumns("id", "email", "status", "follows", "languages", "send at", "max");
            foreach (var s in subscribers)
            {
                var follows = string.Join(", ", s.Companies.Concat(s.Countries).Concat(s.Themes).Concat(s.People).Concat(s.Keywords.Select(k => $"\"{k}\"")));
                table.AddRow(
                    s.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Email), s.Status, Markup.Escape(follows.Length == 0 ? "(top stories)" : follows),
                    string.Join(" ", s.Languages), $"{s.SendHour:00}:00 {Markup.Escape(s.TimeZone)}", s.MaxStories.ToString(CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            Console.WriteLine($"{subscribers.Count} subscribers.");
            return 0;
        });
        return command;
    }

    private static Command CreateRemove()
    {
        var email = new Argument<string>("email") { Description = "The address to remove, with its delivery history." };
        var command = new Command("remove", "Delete a subscriber and their delivery history (to stop mail but keep the history, they unsubscribe instead).") { email };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var app = await AppServices.StartAsync(cancellationToken);
            var address = parseResult.GetValue(email)!;
            if (!await app.Get<SubscriberStore>().RemoveAsync(address, cancellationToken))
            {
                throw new UserInputException($"No subscriber {address}; `newspulse subscribers list` shows them.");
            }

            Console.WriteLine($"Removed {address}.");
            return 0;
        });
        return command;
    }
}
