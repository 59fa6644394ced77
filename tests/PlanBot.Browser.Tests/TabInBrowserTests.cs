using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using PlanBot.Testing;
using PlanBot.Testing.Tab;
using static PlanBot.Testing.Authentication.TabTokens;

namespace PlanBot.Browser.Tests;

/// <summary>
/// The Teams tab in a real browser against the real host: the lists, search, the plan page, the
/// download, one tenant seeing nothing of another, and no serious or critical accessibility problem.
/// Screenshots of the pages go to docs/images.
/// </summary>
public sealed class TabInBrowserTests(BrowserHost browser) : IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task The_plans_tab_lists_what_I_own_wait_to_decide_and_am_assigned()
    {
        Skip.If(BrowserHost.SkipReason is not null, BrowserHost.SkipReason);
        var page = await browser.SignedInPageAsync(TenantA, People.Alex);

        await page.GotoAsync("/tab/plans");

        var waiting = page.Locator("section[aria-labelledby=waiting]");
        await Assertions.Expect(waiting).ToContainTextAsync("Contoso.Web 2.4");
        await Assertions.Expect(page.Locator("section[aria-labelledby=assigned]")).ToContainTextAsync("Fabrikam.Api 1.0");
        await Assertions.Expect(page.Locator("section[aria-labelledby=owned]")).ToContainTextAsync("You own no plan yet");
        await ScreenshotAsync(page, "tab-plans.png");
    }

    [SkippableFact]
    public async Task Search_by_text_in_answers_finds_the_plan_and_opens_it()
    {
        Skip.If(BrowserHost.SkipReason is not null, BrowserHost.SkipReason);
        var page = await browser.SignedInPageAsync(TenantA, People.Alex);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await page.GotoAsync("/tab/plans");

        await page.GetByLabel("Text in answers").FillAsync("migration 0042");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync("(1 plan)");
        await page.GetByRole(AriaRole.Link, new() { Name = "Contoso.Web 2.4" }).ClickAsync();

        await Assertions.Expect(page.Locator("#plan-title")).ToHaveTextAsync("Deployment plan: Contoso.Web 2.4");
        await Assertions.Expect(page.Locator(".carried").First).ToHaveTextAsync("Carried over, not confirmed");
        await Assertions.Expect(page.Locator("ol.decisions")).ToContainTextAsync("Alex Wilber rejected revision");
        await Assertions.Expect(page.GetByText(TabPlans.Hostile)).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("article img").CountAsync());
        Assert.Equal(0, dialogs);
        await ScreenshotAsync(page, "tab-plan.png");
    }

    [SkippableFact]
    public async Task The_plan_page_downloads_the_word_document()
    {
        Skip.If(BrowserHost.SkipReason is not null, BrowserHost.SkipReason);
        var page = await browser.SignedInPageAsync(TenantA, People.Alex);
        await page.GotoAsync("/tab/plans");
        await page.Locator("section[aria-labelledby=waiting]").GetByRole(AriaRole.Link, new() { Name = "Contoso.Web 2.4" }).ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Word document" }).ClickAsync());

        Assert.Equal("deployment-plan-Contoso.Web-2.4.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"planbot-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        try
        {
            using var document = WordprocessingDocument.Open(path, isEditable: false);
            Assert.Contains("Deployment plan: Contoso.Web 2.4", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SkippableFact]
    public async Task A_token_of_tenant_b_sees_nothing_of_tenant_a()
    {
        Skip.If(BrowserHost.SkipReason is not null, BrowserHost.SkipReason);
        var page = await browser.SignedInPageAsync(TenantB, People.Alex);
        await page.GotoAsync("/tab/plans");

        await Assertions.Expect(page.Locator("section[aria-labelledby=waiting]")).ToContainTextAsync("No plan is waiting for your decision.");
        await page.GetByLabel("Product").FillAsync("Contoso");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results")).ToContainTextAsync("(0 plans)");
        var status = await page.EvaluateAsync<int>(
            "([id, token]) => fetch('/tab/api/plans/' + id, { headers: { Authorization: 'Bearer ' + token } }).then(r => r.status)",
            new[] { TabPlans.InReview(TenantA).Id, browser.TokenFor(TenantB, People.Alex) });
        Assert.Equal(404, status);
        Assert.DoesNotContain("Contoso", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_lists_and_the_plan_page_have_no_serious_or_critical_accessibility_violations()
    {
        Skip.If(BrowserHost.SkipReason is not null, BrowserHost.SkipReason);
        var page = await browser.SignedInPageAsync(TenantA, People.Alex);
        await page.GotoAsync("/tab/plans");
        await Assertions.Expect(page.Locator("section[aria-labelledby=waiting]")).ToContainTextAsync("Contoso.Web 2.4");

        var lists = await page.RunAxe();
        await page.Locator("section[aria-labelledby=waiting]").GetByRole(AriaRole.Link, new() { Name = "Contoso.Web 2.4" }).ClickAsync();
        await Assertions.Expect(page.Locator("#plan-title")).ToBeVisibleAsync();
        var plan = await page.RunAxe();

        Assert.Empty(Serious(lists));
        Assert.Empty(Serious(plan));
    }

    private static List<string> Serious(AxeResult result) =>
        result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help}").ToList();

    /// <summary>
    /// A screenshot beside the test results, and into docs/images (the README's) when
    /// PLANBOT_UPDATE_SCREENSHOTS=1, so an ordinary run leaves the tracked images alone.
    /// </summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var images = Environment.GetEnvironmentVariable("PLANBOT_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(PlanBot.Testing.Checks.NodeChecks.RepositoryRoot, "docs", "images")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(images);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(images, name), FullPage = false });
    }
}
