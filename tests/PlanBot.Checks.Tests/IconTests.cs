using PlanBot.Testing.Checks;

namespace PlanBot.Checks.Tests;

[Collection(NodeChecksCollection.Name)]
public sealed class IconTests
{
    private static string IconPath(string name) => Path.Combine(NodeChecks.RepositoryRoot, "manifests", "teams", name);

    [Fact]
    public void Color_icon_is_an_opaque_192_pixel_rgba_png()
    {
        var icon = PngImage.Decode(File.ReadAllBytes(IconPath("color.png")));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.Equal(6, icon.ColorType);
        Assert.Equal(255, icon.Pixel(96, 20).A);
        Assert.Equal((0x2F, 0x6F, 0xDB), (icon.Pixel(96, 20).R, icon.Pixel(96, 20).G, icon.Pixel(96, 20).B));
    }

    [Fact]
    public void Outline_icon_is_white_on_transparent_at_32_pixels()
    {
        var icon = PngImage.Decode(File.ReadAllBytes(IconPath("outline.png")));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.Equal(6, icon.ColorType);
        var painted = 0;
        for (var y = 0; y < icon.Height; y++)
        {
            for (var x = 0; x < icon.Width; x++)
            {
                var (r, g, b, a) = icon.Pixel(x, y);
                if (a > 0)
                {
                    painted++;
                    Assert.Equal((255, 255, 255), (r, g, b));
                }
            }
        }

        Assert.Equal(0, icon.Pixel(0, 0).A);
        Assert.InRange(painted, 32, (32 * 32) / 2);
    }

    [Fact]
    public async Task Committed_icons_are_what_make_icons_draws()
    {
        var output = Directory.CreateTempSubdirectory("planbot-icons-");
        try
        {
            var result = await NodeChecks.RunAsync(
                "node",
                [Path.Combine(NodeChecks.ChecksDirectory, "make-icons.js"), output.FullName],
                NodeChecks.ChecksDirectory,
                null,
                TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, result.StandardError);

            // Compare pixels, not bytes: another zlib may compress the same pixels differently.
            foreach (var name in new[] { "color.png", "outline.png" })
            {
                var committed = PngImage.Decode(File.ReadAllBytes(IconPath(name)));
                var drawn = PngImage.Decode(File.ReadAllBytes(Path.Combine(output.FullName, name)));
                Assert.Equal((committed.Width, committed.Height), (drawn.Width, drawn.Height));
                Assert.True(committed.Rgba.AsSpan().SequenceEqual(drawn.Rgba), $"{name} differs from make-icons.js output");
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
