using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace PlanBot.Reliability.Tests.Fuzz;

/// <summary>Generators shared by every endpoint: odd strings, odd JSON values, and ways to break a body.</summary>
public static class FuzzValues
{
    /// <summary>Ids and short fields: empty, blank, odd characters, the right shape and nearly.</summary>
    public static readonly Gen<string> Token = Gen.Frequency<string>(
        (4, Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:-_.@;"].Array[1, 24].Select(c => new string(c))),
        (1, Gen.OneOf(string.Empty, " ", "\t", "\n", "null", "0", "-1", "../../etc/passwd", "%00", "\0", "a;messageid=1", "a:b:c", "19:x@thread.tacv2;messageid=", "😀", "\u202e", "<at>x</at>")),
        (1, Gen.String[0, 16]));

    /// <summary>Text a user might send, and text nobody should: commands, answers of every kind, garbage, hostile markup.</summary>
    public static readonly Gen<string> Text = Gen.Frequency<string>(
        (6, Gen.OneOf(
            "plan Contoso.Web 2.4", "plan Contoso.Web 2.5", "plan Fabrikam.Shop 1.0", "plan", "plan a b c", "plan ../.. 1", "plan Contoso.Web 2.4;DROP",
            "status", "show", "help", "?", "/help", "skip", "back", "cancel", "list", "submit", "approve", "reject", "reject not ready yet",
            "edit", "edit 1", "edit 3", "edit 5", "edit 8", "edit 0", "edit 99", "edit risks", "edit -1", "edit ", "quorum all", "quorum any", "quorum none",
            "channel", "channel set", "channel set Contoso.Web", "channel set ../x", "baseline", "baseline Contoso.Web 2.4", "fresh", "keep", "remove",
            "export", "history", "pending")),
        (4, Gen.OneOf(
            "Checkout v2", "2027-03-15", "15 Mar 2027", "2027-03-15 22:00 to 02:00", "2001-01-01", "31 Feb 2027", "9999-12-31", "0000-00-00",
            "2027-03-15 25:00 to 26:00", "2027-03-15 22:00 to 2027-03-14 02:00", "tomorrow", "yes, a walkthrough", "no", "maybe", "y",
            "alex@contoso.com", "alex@contoso.com, megan@contoso.com", "Megan", "<at>Megan Bowen</at>", "@@@", "a@b", "none known")),
        (2, Gen.OneOf(
            """<at>Boss</at> [x](https://evil) **bold** {"type":"Action.OpenUrl","url":"https://evil"}""", "<script>alert(1)</script>",
            "{{DATE(2017-02-14T06:08:39Z, SHORT)}}", "&nbsp;&lt;&amp;", "\u202egnp.exe", "\0\0\0", "\r\n\r\n", "# heading\n- item\n1. one",
            "<!channel> <@U0OWNER> <https://evil|click>", "' OR 1=1 --", "${jndi:ldap://127.0.0.1/a}", "%s%s%s%n", "\ud800", "\udfff\ud800")),
        (3, Gen.String[0, 80]),
        (2, Gen.Char["abc xyz,.;:-_!?/\\'\"<>[](){}*`~#|&@\n\t"].Array[0, 60].Select(c => new string(c))),
        (1, Gen.OneOf(2999, 3000, 3001, 10_000, 100_000).Select(n => new string('x', n))));

    public static readonly Gen<string> TimeZone = Gen.OneOf(
        "Europe/London", "America/New_York", "UTC", "Mars/Olympus_Mons", string.Empty, "   ", "../../etc/passwd", "UTC+25", "Etc/GMT-14", new string('Z', 500), "\0");

    /// <summary>A scalar JSON value of any type, including the ones a field does not expect.</summary>
    public static readonly Gen<JsonNode?> Scalar = Gen.Frequency<JsonNode?>(
        (1, Gen.Bool.Select(_ => (JsonNode?)null)),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (2, Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i))),
        (1, Gen.OneOf(double.MaxValue, double.Epsilon, -0.0, 1e30, 0.5, long.MaxValue + 1.0).Select(d => (JsonNode?)JsonValue.Create(d))),
        (1, Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l))),
        (3, Text.Select(s => (JsonNode?)JsonValue.Create(s))),
        (2, Token.Select(s => (JsonNode?)JsonValue.Create(s))));

    /// <summary>Any JSON value, nested at most <paramref name="depth"/> levels.</summary>
    public static Gen<JsonNode?> Any(int depth = 3)
    {
        if (depth <= 0)
        {
            return Scalar;
        }

        var inner = Any(depth - 1);
        return Gen.Frequency<JsonNode?>(
            (6, Scalar),
            (1, inner.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
            (2, Gen.Select(Token.Array[0, 4], inner.Array[4, 4], (keys, values) =>
            {
                var obj = new JsonObject();
                for (var i = 0; i < keys.Length; i++)
                {
                    obj[keys[i]] = values[i];
                }

                return (JsonNode?)obj;
            })));
    }

    /// <summary>A value nested <paramref name="levels"/> deep in arrays and objects.</summary>
    public static string Deep(int levels, bool objects)
    {
        var text = new StringBuilder();
        for (var i = 0; i < levels; i++)
        {
            text.Append(objects ? "{\"a\":" : "[");
        }

        text.Append('1');
        for (var i = 0; i < levels; i++)
        {
            text.Append(objects ? '}' : ']');
        }

        return text.ToString();
    }

    /// <summary>Byte sequences that are not UTF-8: lone continuation bytes, overlong forms, encoded surrogates, 0xFF.</summary>
    public static readonly Gen<byte[]> InvalidUtf8 = Gen.OneOf<byte[]>(
        [0xFF], [0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]);

    /// <summary>Ways to break a well-formed body: cut it, splice bad bytes into it, or replace it.</summary>
    public static Gen<FuzzCase> Broken(Gen<string> wellFormed, string contentType) => Gen.Frequency<FuzzCase>(
        (3, Gen.Select(wellFormed, Gen.Double[0, 1], (body, at) => FuzzCase.Of("truncated", body[..(int)(body.Length * at)], contentType))),
        (3, Gen.Select(wellFormed, InvalidUtf8, Gen.Double[0, 1], (body, bad, at) =>
        {
            var bytes = Encoding.UTF8.GetBytes(body).ToList();
            var index = bytes.IndexOf((byte)':') is var colon and >= 0 && at < 0.5 ? colon + 2 : (int)(bytes.Count * at);
            bytes.InsertRange(Math.Min(index, bytes.Count), bad);
            return new FuzzCase("invalid UTF-8", [.. bytes], contentType);
        })),
        (1, Gen.Byte.Array[0, 300].Select(bytes => new FuzzCase("random bytes", bytes, contentType))),
        (1, Gen.OneOf(string.Empty, "null", "true", "5", "\"x\"", "[]", "[{}]", "{}", "{", "}", "{\"type\":", "\"\\ud800\"", "{\"a\":1,\"a\":2}", "\uFEFF{}")
            .Select(body => FuzzCase.Of("not an object", body, contentType))));

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
