using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace MucGov.IntegrationTests.Hardening;

/// <summary>A JSON fragment written as is: numbers no .NET type holds, broken documents.</summary>
public sealed record RawJson(string Text);

/// <summary>A request body as sent: its text and content type.</summary>
public sealed record Body(string Text, string ContentType);

/// <summary>
/// Generators of what a careless or hostile client sends: injection strings, Unicode edge cases, huge values, wrong
/// types, missing and extra fields, broken JSON. Valid values are mixed in, so a request often gets past the first
/// check and reaches the next one.
/// </summary>
public static class BadInput
{
    /// <summary>Strings that broke other systems: SQL, HTML, path and template injection, header splitting, Unicode edge cases.</summary>
    public static readonly string[] Attacks =
    [
        "' OR 1=1 --", "'; DROP TABLE cases; --", "\" OR \"\"=\"", "1' AND pg_sleep(0)--", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd%00.json", "${jndi:ldap://127.0.0.1:9/a}", "{{7*7}}", "#{7*7}", "%s%s%s%n",
        "\r\nSet-Cookie: injected=1", "x\r\n\r\nHTTP/1.1 200 OK\r\n", "\u0000", "a\u0000b", "\u202Egnp.exe", "\u200B\u200D\uFEFF", "😀👩‍👩‍👧‍👦🇩🇪",
        "e\u0301\u0301\u0301\u0301\u0301", "\ud800", "x\udfff", "\udc00\ud800", "", " ", "\t\n", "null", "true", "-1", "0", "NaN", "Infinity",
        "99999999999999999999999999", "-9223372036854775809", "1e309", "00000000-0000-0000-0000-000000000000", "𝕳𝖊𝖑𝖑𝖔", "ﷺ", "Ⅻ", "İıŞ",
        "javascript:alert(1)", "//evil.example", "http://127.0.0.1:9/", "%2e%2e%2f", "%", "%%", "\\", "*", "?", "#", "&a=b", ";", "|id", "`id`", "$(id)",
    ];

    /// <summary>Numbers at and beyond the edges of the types the services bind.</summary>
    public static readonly string[] Numbers =
        ["0", "-1", "2147483648", "-2147483649", "9223372036854775808", "123456789012345678901234567890", "1e400", "-1e400", "1.5", "-0", "0.0000001", "1E2"];

    /// <summary>Documents no JSON reader accepts.</summary>
    public static readonly string[] BrokenJson =
    [
        "{", "}", "{\"text\":", "[1,2", "nul", "{'a':1}", "{\"a\":1}}", "{\"a\" 1}", "\u0000", "<xml/>", "text=hi", "{\"a\":NaN}", "{\"a\":01}", "\"\\ud800", ",",
        "{\"a\":\"\\x\"}",
    ];

    /// <summary>Well-formed JSON of the wrong shape for any request body here.</summary>
    public static readonly string[] WrongTopLevel = ["[]", "[{}]", "\"text\"", "42", "null", "true", "", " "];

    private static readonly string[] ExtraKeys = ["__proto__", "$type", "constructor", "id", "a\u0000b", "\u202Ekey", "😀", "", "x".PadRight(300, 'x')];

    /// <summary>A hostile or odd string.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.OneOf(Attacks)),
        (2, Gen.String[0, 40]),
        (1, Gen.OneOf(2_001, 4_001, 70_000).Select(n => new string('x', n))),
        (1, Gen.OneOf(Attacks).SelectMany(a => Gen.OneOf("Reisepass ", "Hallo ", "de").Select(p => p + a))));

    /// <summary>A value of a type nobody asked for.</summary>
    public static readonly Gen<object?> Wrong = Gen.Frequency<object?>(
        (1, Gen.Const(default(object))),
        (1, Gen.Bool.Select(b => (object?)b)),
        (3, Gen.OneOf(Numbers).Select(n => (object?)new RawJson(n))),
        (3, Text.Select(t => (object?)t)),
        (1, Text.Array[0, 3].Select(a => (object?)a.Cast<object?>().ToList())),
        (1, Text.Select(t => (object?)new List<KeyValuePair<string, object?>> { new("$where", t), new("nested", new List<object?> { t }) })));

    /// <summary>A value for <paramref name="schema"/>: what it asks for, or (<paramref name="wrong"/> times in a hundred, at every level) something else.</summary>
    public static Gen<object?> Value(Schemas schemas, JsonElement schema, string? name, IReadOnlyDictionary<string, string> known, int wrong, int depth = 0)
    {
        var valid = Valid(schemas, schemas.Resolve(schema), name, known, wrong, depth);
        return wrong == 0 ? valid : Gen.Frequency((100 - wrong, valid), (wrong, Wrong));
    }

    /// <summary>A JSON body for <paramref name="schema"/>, or a broken one, or one of the wrong kind.</summary>
    public static Gen<Body> BodyFor(Schemas schemas, JsonElement schema, IReadOnlyDictionary<string, string> known) => Gen.Frequency(
        (2, Gen.OneOf(BrokenJson).Select(t => new Body(t, "application/json"))),
        (1, Gen.OneOf(WrongTopLevel).Select(t => new Body(t, "application/json"))),
        // All fields valid, one or two of many wrong, or many wrong: so every check of the body is reached, not just the first.
        (6, Gen.OneOf(0, 4, 10, 30).SelectMany(wrong => Value(schemas, schema, null, known, wrong)).Select(v => new Body(Write(v), "application/json"))),
        (1, Value(schemas, schema, null, known, 30).SelectMany(v => Gen.OneOf("text/plain", "application/x-www-form-urlencoded", "application/xml")
            .Select(type => new Body(Write(v), type)))),
        (1, Gen.Const(new Body("{\"text\":\"" + new string('x', 300_000) + "\"}", "application/json"))));

    /// <summary>A body where none is expected.</summary>
    public static readonly Gen<Body?> Unexpected = Gen.Frequency(
        (4, Gen.Const(default(Body))),
        (1, Gen.OneOf(BrokenJson.Concat(WrongTopLevel).ToArray()).Select(t => (Body?)new Body(t, "application/json"))));

    private static Gen<object?> Valid(Schemas schemas, JsonElement schema, string? name, IReadOnlyDictionary<string, string> known, int wrong, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return Wrong;
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            var branches = oneOf.EnumerateArray().Select(schemas.Resolve).Where(b => !IsNull(b)).ToList();
            return branches.Count == 0 ? Gen.Const(default(object)) : Gen.OneOf(branches.Select(b => Valid(schemas, b, name, known, wrong, depth)).ToArray());
        }

        var type = Type(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "object" when depth > 3 => Gen.Const<object?>(new List<KeyValuePair<string, object?>>()),
            "object" => Object(schemas, schema, known, wrong, depth),
            "array" when depth > 3 => Gen.Const<object?>(new List<object?>()),
            "array" => Value(schemas, schema.TryGetProperty("items", out var items) ? items : default, name, known, wrong, depth + 1).Array[0, 3]
                .Select(a => (object?)a.ToList()),
            "integer" => Gen.Int[1, 5].Select(i => (object?)new RawJson(i.ToString(CultureInfo.InvariantCulture))),
            "number" => Gen.OneOf<object?>(new RawJson("1.5"), new RawJson("3")),
            "boolean" => Gen.Bool.Select(b => (object?)b),
            _ => Gen.Const<object?>(Plausible(name, format, known)),
        };
    }

    private static Gen<object?> Object(Schemas schemas, JsonElement schema, IReadOnlyDictionary<string, string> known, int wrong, int depth)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
        var fields = properties.Select(property => (wrong == 0
                ? Value(schemas, property.Value, property.Name, known, 0, depth + 1).Select(v => (Present: true, Value: v))
                : Gen.Frequency(
                    (100 - wrong, Value(schemas, property.Value, property.Name, known, wrong, depth + 1).Select(v => (Present: true, Value: v))),
                    (wrong, Gen.Const((Present: false, Value: (object?)null))),
                    (wrong, Gen.Const((Present: true, Value: (object?)null)))))
            .Select(v => (property.Name, v.Present, v.Value)))
            .ToArray();
        var extras = wrong == 0 ? Gen.Const(new List<KeyValuePair<string, object?>>()) : Gen.Frequency(
            (6, Gen.Const(new List<KeyValuePair<string, object?>>())),
            (2, Gen.OneOf(ExtraKeys).SelectMany(key => Wrong.Select(v => new List<KeyValuePair<string, object?>> { new(key, v) }))),
            (1, properties.Count == 0
                ? Gen.Const(new List<KeyValuePair<string, object?>>())
                : Gen.OneOf(properties.Select(x => x.Name).ToArray()).SelectMany(key => Wrong.Select(v => new List<KeyValuePair<string, object?>> { new(key, v) }))));
        var all = fields.Aggregate(Gen.Const(new List<KeyValuePair<string, object?>>()), (list, field) => list.Select(field, (l, f) =>
            f.Present ? [.. l, new KeyValuePair<string, object?>(f.Name, f.Value)] : l));
        return all.Select(extras, (present, extra) => (object?)present.Concat(extra).ToList());
    }

    private static bool IsNull(JsonElement schema) => Type(schema) == "null";

    /// <summary>The schema's type; of a nullable one (<c>["null","string"]</c>) the other.</summary>
    private static string? Type(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? (schema.TryGetProperty("properties", out _) ? "object" : null)
        : type.ValueKind == JsonValueKind.String ? type.GetString()
        : type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null";

    /// <summary>A value a well-behaved client would send for a field or parameter of this name.</summary>
    public static string Plausible(string? name, string? format, IReadOnlyDictionary<string, string> known) =>
        name is not null && known.TryGetValue(name, out var value) ? value
        : format switch
        {
            "uuid" => "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
            "date" => "1990-05-17",
            "date-time" => "2026-12-24T10:00:00+01:00",
            "int32" or "int64" => "3",
            _ => "Ein ganz normaler Satz.",
        };

    /// <summary>
    /// Writes <paramref name="value"/> as JSON with every character beyond ASCII as an escape, so a lone surrogate
    /// travels as <c>\ud800</c> (no encoder would write it).
    /// </summary>
    public static string Write(object? value)
    {
        var json = new StringBuilder();
        WriteTo(json, value);
        return json.ToString();
    }

    private static void WriteTo(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                json.Append("null");
                break;
            case bool b:
                json.Append(b ? "true" : "false");
                break;
            case RawJson raw:
                json.Append(raw.Text);
                break;
            case string s:
                json.Append('"');
                foreach (var c in s)
                {
                    json.Append(c switch
                    {
                        '"' => "\\\"",
                        '\\' => "\\\\",
                        < ' ' or > '~' => $"\\u{(int)c:x4}",
                        _ => c.ToString(),
                    });
                }

                json.Append('"');
                break;
            case List<KeyValuePair<string, object?>> fields:
                json.Append('{');
                for (var i = 0; i < fields.Count; i++)
                {
                    json.Append(i > 0 ? "," : "");
                    WriteTo(json, fields[i].Key);
                    json.Append(':');
                    WriteTo(json, fields[i].Value);
                }

                json.Append('}');
                break;
            case List<object?> items:
                json.Append('[');
                for (var i = 0; i < items.Count; i++)
                {
                    json.Append(i > 0 ? "," : "");
                    WriteTo(json, items[i]);
                }

                json.Append(']');
                break;
            default:
                throw new ArgumentException($"No JSON for {value.GetType()}", nameof(value));
        }
    }

    /// <summary>
    /// Percent-encodes <paramref name="value"/> for a path segment or query value, every byte that is not unreserved;
    /// a lone surrogate as the three bytes it would take (not valid UTF-8: what a broken client sends).
    /// </summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~')
            {
                escaped.Append(c);
                continue;
            }

            byte[] bytes;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                bytes = Encoding.UTF8.GetBytes(value.Substring(i++, 2));
            }
            else if (char.IsSurrogate(c))
            {
                bytes = [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))];
            }
            else
            {
                bytes = Encoding.UTF8.GetBytes(c.ToString());
            }

            foreach (var b in bytes)
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    /// <summary>What of <paramref name="value"/> a header can carry (printable ASCII; HTTP clients refuse line breaks).</summary>
    public static string HeaderSafe(string value)
    {
        var safe = new string([.. value.Where(c => c is >= ' ' and <= '~')]).Trim();
        return safe.Length == 0 ? "x" : safe[..Math.Min(safe.Length, 4000)];
    }
}
