using System.Text.RegularExpressions;
using PlanBot.Conversations.Engine;
using PlanBot.Domain.Checklist;
using PlanBot.EndToEnd.Tests.Playground;
using PlanBot.Storage.Sqlite;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.EndToEnd.Tests;

/// <summary>Release 2.4, then 2.5 of the same product in the emulator: the baseline is offered, reviewed and exported.</summary>
public sealed partial class ReuseInPlaygroundTests(ITestOutputHelper output)
{
    [NodeFact]
    public async Task Planning_2_5_after_2_4_offers_the_baseline_flags_carried_items_and_exports_the_plan()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var chat = playground.Conversations.PersonalChat;

        (await playground.SendAsync(chat, "plan Contoso.Web 2.4")).EnsureBotSucceeded();
        foreach (var question in PlanChecklist.Questions)
        {
            var answer = question.Id == "components" ? "contoso-web 2.4 package, billing worker" : InterviewAnswers.For(question);
            (await playground.SendAsync(chat, answer)).EnsureBotSucceeded();
        }

        var offer = string.Join('\n', Shown.Of(await playground.SendAsync(chat, "plan Contoso.Web 2.5")));
        Assert.Contains("plan for Contoso.Web 2.4", offer, StringComparison.Ordinal);

        // The baseline opens on section 1's form; a typed reply answers its first open question, the
        // features, which are never carried over. From there each typed answer brings the next question.
        var form = string.Join('\n', Shown.Of(await playground.SendAsync(chat, "baseline")));
        Assert.Contains("1. Scope and overview", form, StringComparison.Ordinal);
        Assert.Contains("not confirmed", form, StringComparison.Ordinal);
        var first = PlanChecklist.Questions[0];
        Assert.Equal(CarryOverRule.Clear, first.CarryOver);
        var turn = await playground.SendAsync(chat, InterviewAnswers.For(first));
        var flagged = new List<string>();
        var staleSeen = false;
        var submitRefused = false;
        for (var step = 0; step < 60; step++)
        {
            var shown = string.Join('\n', Shown.Of(turn));
            var question = PlanChecklist.Questions.LastOrDefault(q => shown.Contains(q.Text, StringComparison.Ordinal));
            if (question is null || shown.Contains("That was the last", StringComparison.Ordinal))
            {
                break;
            }

            if (shown.Contains("not confirmed", StringComparison.Ordinal))
            {
                flagged.Add(question.Id);
                staleSeen |= question.Id == "components" && shown.Contains("mentions 2.4, the previous release", StringComparison.Ordinal);
                if (!submitRefused)
                {
                    var refusal = string.Join('\n', Shown.Of(await playground.SendAsync(chat, "submit")));
                    Assert.Contains("not complete", refusal, StringComparison.Ordinal);
                    submitRefused = true;
                }

                turn = await playground.SendAsync(chat, question.Id == "components" ? "contoso-web 2.5 package, billing worker" : "keep");
            }
            else
            {
                turn = await playground.SendAsync(chat, InterviewAnswers.For(question));
            }
        }

        // Everything carried over was flagged for review; release-specific answers were not carried at all.
        var carried = PlanChecklist.Questions.Where(q => q.CarryOver != CarryOverRule.Clear).Select(q => q.Id).ToList();
        Assert.Equal(carried.Order(), flagged.Order());
        Assert.True(staleSeen, "The components answer naming 2.4 was not pointed out.");
        Assert.True(submitRefused);

        var status = string.Join('\n', Shown.Of(await playground.SendAsync(chat, "status")));
        Assert.Contains("100% complete", status, StringComparison.Ordinal);

        // The export matches the stored plan, section by section, and its link opens the same document.
        var exported = string.Join('\n', Shown.Of(await playground.SendAsync(chat, "export")));
        var link = LinkPattern().Match(exported);
        Assert.True(link.Success, exported);
        using var http = new HttpClient();
        var document = await http.GetStringAsync(new Uri(link.Value));
        session.Host.Kill();
        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = session.DatabasePath });
        var plan = (await store.FindPlanAsync($"msteams:{playground.Config.TenantId}", "Contoso.Web", "2.5", CancellationToken.None))!.Document.Plan;
        var position = 0;
        foreach (var section in SectionInfo.All)
        {
            var at = document.IndexOf($"## {section.Number}. {section.Title}", StringComparison.Ordinal);
            Assert.True(at > position, $"Section {section.Number} is missing or out of order");
            position = at;
        }

        foreach (var answer in plan.Answers.Values)
        {
            // As the export writes people's text: escaped, so an address reads literally and links nowhere.
            Assert.Contains(MarkdownText.EscapeInline(answer.Value.Text.Split('\n')[0]), document, StringComparison.Ordinal);
        }

        Assert.Contains("Started from the plan for Contoso.Web 2.4", document, StringComparison.Ordinal);
        Assert.DoesNotContain("not confirmed", document, StringComparison.Ordinal);
        Assert.Contains("contoso-web 2.5 package", document, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/api/plans/\S+")]
    private static partial Regex LinkPattern();
}
