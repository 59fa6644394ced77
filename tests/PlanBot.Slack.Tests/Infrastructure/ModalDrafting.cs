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
    /// many saves it took, and the finished plan's summary that ends it (with Submit).
    /// </summary>
    public static async Task<(int Saves, ApiCall Summary)> SaveEverySectionAsync(SlackSession session, FakeSlack slack, JsonObject modal, string messageTs)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(slack);
        Assert.Equal(messageTs, Metadata(modal)[SlackIds.MessageMetadata]);
        for (var section = 1; ; section++)
        {
            Assert.Equal($"Section {section} of {SectionInfo.All.Count}", modal["title"]!["text"]!.GetValue<string>());
            var (answer, sent) = await session.SubmitAsync(SlackPayloads.ModalSubmission(modal, SlackPayloads.Owner, SectionFormAnswers.For((Section)section)));

            // The section's message now reads back how each answer was understood.
            var readBack = Assert.Single(sent, m => m.Method == "chat.update");
            Assert.Equal((SlackPayloads.OwnerDm, messageTs), (readBack.Channel, readBack.Ts));
            Assert.True(readBack.Shows($"Saved section {section}"), readBack.Readable);
            Assert.True(readBack.HasButton(SlackIds.OpenSection), readBack.Readable);
            if (section == SectionInfo.All.Count)
            {
                Assert.Null(answer);
                return (section, Assert.Single(sent, m => m.HasButton(SlackIds.SubmitPlan)));
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
