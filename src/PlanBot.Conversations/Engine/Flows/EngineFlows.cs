using PlanBot.Conversations.Ports;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>The engine's flows, each built once over the same ports, so a command or an action names the flow it runs.</summary>
internal sealed class EngineFlows
{
    public EngineFlows(IConversationStore store, EngineOptions options, ITenantStore? tenants, IPeopleDirectory? people, IExportLinks? exports)
    {
        var channels = new ReleaseChannels(tenants, options);
        var lookup = new PeopleLookup(people, channels);
        Approval = new ApprovalFlow(store, channels);
        SectionForms = new SectionFormFlow(store, options, lookup, Approval);
        Start = new StartFlow(store, channels, lookup, SectionForms);
        Interview = new InterviewFlow(options, lookup, new SimilarProducts(store));
        QuestionCards = new QuestionCardFlow(store, Interview);
        Assignment = new AssignmentFlow(options, lookup, channels, SectionForms);
        ReleaseChannel = new ReleaseChannelFlow(channels);
        Overview = new OverviewFlow(store);
        TenantAdmin = new TenantAdminFlow(channels, lookup);
        Deployment = new DeploymentFlow(store);
        Export = new ExportFlow(exports);
        GateKeys = new GateKeyFlow(channels);
        GitHubLinks = new GitHubLinkFlow(channels, new Gates.GitHubRouting(tenants, options));
    }

    public StartFlow Start { get; }

    public InterviewFlow Interview { get; }

    public QuestionCardFlow QuestionCards { get; }

    public ApprovalFlow Approval { get; }

    public SectionFormFlow SectionForms { get; }

    public AssignmentFlow Assignment { get; }

    public ReleaseChannelFlow ReleaseChannel { get; }

    public OverviewFlow Overview { get; }

    public ExportFlow Export { get; }

    public TenantAdminFlow TenantAdmin { get; }

    public DeploymentFlow Deployment { get; }

    public GateKeyFlow GateKeys { get; }

    public GitHubLinkFlow GitHubLinks { get; }
}
