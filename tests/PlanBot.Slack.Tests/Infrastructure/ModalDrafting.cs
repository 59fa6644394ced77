using System.Text.Json.Nodes;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Rendering;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>
/// A person saving every section of a plan in the one modal that goes on from a section to the next,
/// with the checks each save must pass on the way: the section's message reads back what was saved, and
/// the next section's message is posted and is the one the modal's next save answers.
/// </summary>
public static class ModalDrafting
{
    /// <summary>
    /// From <paramref name="modal"/>, section 1's, opened from the message <paramref name="messageTs"/>: how
    /// many saves it took, and the finished plan's summary that ends it (with Submit). The last
    /// section is saved with "Only save it" chosen.
    /// </summary>
    public static async Task<(int Saves, ApiCall Summary)> SaveEverySectionAsync(SlackSession session, FakeSlack slack, JsonObject modal, string messageTs)
    {
        var (saves, sent) = await SaveEachAsync(session, slack, modal, messageTs, SlackIds.ThenSave);
        return (saves, Assert.Single(sent, m => m.HasButton(SlackIds.SubmitPlan)));
    }

    /// <summary>As <see cref="SaveEverySectionAsync"/>, the last section's modal left to send the plan once saved: what that save posted.</summary>
    public static Task<(int Saves, IReadOnlyList<ApiCall> Sent)> SaveEverySectionAndSubmitAsync(SlackSession session, FakeSlack slack, JsonObject modal, string messageTs) =>
        SaveEachAsync(session, slack, modal, messageTs, then: null);

    private static async Task<(int Saves, IReadOnlyList<ApiCall> Sent)> SaveEachAsync(SlackSession session, FakeSlack slack, JsonObject modal, string messageTs, string? then)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(slack);
        Assert.Equal(messageTs, Metadata(modal)[SlackIds.MessageMetadata]);
        for (var section = 1; ; section++)
        {
            Assert.Equal($"Section {section} of {SectionInfo.All.Count}", modal["title"]!["text"]!.GetValue<string>());
            var last = section == SectionInfo.All.Count;

            // Only the last open section's modal asks what follows the save.
            Assert.Equal(last, modal["blocks"]!.AsArray().Any(b => b!["block_id"]?.GetValue<string>() == SlackIds.ThenInput));
            var answers = SectionFormAnswers.For((Section)section);
            if (last && then is not null)
            {
                answers[SlackIds.ThenInput] = then;
            }

            var (answer, sent) = await session.SubmitAsync(SlackPayloads.ModalSubmission(modal, SlackPayloads.Owner, answers));

            // The section's message now reads back how each answer was understood.
            var readBack = Assert.Single(sent, m => m.Method == "chat.update");
            Assert.Equal((SlackPayloads.OwnerDm, messageTs), (readBack.Channel, readBack.Ts));
            Assert.True(readBack.Shows($"Saved section {section}"), readBack.Readable);
            Assert.True(readBack.HasButton(SlackIds.OpenSection), readBack.Readable);
            if (last)
            {
                Assert.Null(answer);
                return (section, sent);
            }

            // The next section's message is posted, and the same modal goes on to it.
            var next = Assert.Single(sent, m => m.Method == "chat.postMessage" && m.HasButton(SlackIds.OpenSection, $"\"section\":{section + 1}"));
            Assert.Equal("update", answer!["response_action"]!.GetValue<string>());
            modal = answer["view"]!.AsObject();
            messageTs = slack.PostedTs[next.Sequence];
            Assert.Equal(messageTs, Metadata(modal)[SlackIds.MessageMetadata]);
        }
    }

    public static Dictionary<string, string> Metadata(JsonObject modal)
    {
        ArgumentNullException.ThrowIfNull(modal);
        return FlatJson.Read(modal["private_metadata"]!.GetValue<string>());
    }
}
