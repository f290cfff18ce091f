using MucGov.Contracts.Ticket;
using MucGov.Shared.Languages;
using MucGov.Ticket.Sla;

namespace MucGov.Ticket.Cases;

/// <summary>
/// The subject lines (and the fixed texts of transfers and documents) of the messages a department puts into a
/// citizen's Postfach, in every supported language. The department's own words (a reply, a resolution) are sent as
/// written; Bavarian reads German, and a language missing here falls back as <see cref="SupportedLanguages.Fallbacks"/> says.
/// </summary>
public static class PostfachLetters
{
    private static readonly Dictionary<string, Dictionary<string, string>> Table = new(StringComparer.Ordinal)
    {
        ["de"] = new()
        {
            [PostfachKinds.Reply] = "Antwort zu Ihrem Anliegen {reference}",
            [PostfachKinds.RequestInfo] = "Rückfrage zu Ihrem Anliegen {reference}",
            [PostfachKinds.Resolution] = "Ihr Anliegen {reference} ist erledigt",
            [PostfachKinds.Transfer] = "Ihr Anliegen {reference} wurde weitergegeben",
            [PostfachKinds.Document] = "Ihr Dokument ist ausgestellt: {title}",
            ["transfer.body"] = "Ihr Anliegen liegt jetzt bei {department}. Von dort erhalten Sie die weitere Antwort.",
            ["document.body"] = "Ihr Dokument „{title}“ ist ausgestellt. Sie können es herunterladen. Prüfcode für die Echtheitsprüfung: {code}",
        },
        ["en"] = new()
        {
            [PostfachKinds.Reply] = "Reply to your request {reference}",
            [PostfachKinds.RequestInfo] = "A question about your request {reference}",
            [PostfachKinds.Resolution] = "Your request {reference} has been resolved",
            [PostfachKinds.Transfer] = "Your request {reference} was passed on",
            [PostfachKinds.Document] = "Your document has been issued: {title}",
            ["transfer.body"] = "Your request is now with {department}, who will answer you from here on.",
            ["document.body"] = "Your document \"{title}\" has been issued. You can download it. Verification code: {code}",
        },
        ["tr"] = new()
        {
            [PostfachKinds.Reply] = "{reference} numaralı başvurunuza yanıt",
            [PostfachKinds.RequestInfo] = "{reference} numaralı başvurunuzla ilgili bir soru",
            [PostfachKinds.Resolution] = "{reference} numaralı başvurunuz sonuçlandı",
            [PostfachKinds.Transfer] = "{reference} numaralı başvurunuz başka birime iletildi",
            [PostfachKinds.Document] = "Belgeniz düzenlendi: {title}",
            ["transfer.body"] = "Başvurunuz artık {department} biriminde; bundan sonraki yanıtı oradan alacaksınız.",
            ["document.body"] = "\"{title}\" belgeniz düzenlendi. Belgeyi indirebilirsiniz. Doğrulama kodu: {code}",
        },
        ["uk"] = new()
        {
            [PostfachKinds.Reply] = "Відповідь на ваше звернення {reference}",
            [PostfachKinds.RequestInfo] = "Уточнення щодо вашого звернення {reference}",
            [PostfachKinds.Resolution] = "Ваше звернення {reference} розглянуто",
            [PostfachKinds.Transfer] = "Ваше звернення {reference} передано",
            [PostfachKinds.Document] = "Ваш документ видано: {title}",
            ["transfer.body"] = "Ваше звернення тепер у відділі «{department}»; подальшу відповідь ви отримаєте звідти.",
            ["document.body"] = "Ваш документ «{title}» видано. Ви можете його завантажити. Код перевірки: {code}",
        },
        ["ru"] = new()
        {
            [PostfachKinds.Reply] = "Ответ на ваше обращение {reference}",
            [PostfachKinds.RequestInfo] = "Уточняющий вопрос по вашему обращению {reference}",
            [PostfachKinds.Resolution] = "Ваше обращение {reference} рассмотрено",
            [PostfachKinds.Transfer] = "Ваше обращение {reference} передано",
            [PostfachKinds.Document] = "Ваш документ выдан: {title}",
            ["transfer.body"] = "Ваше обращение теперь в отделе «{department}»; дальнейший ответ вы получите оттуда.",
            ["document.body"] = "Ваш документ «{title}» выдан. Вы можете его скачать. Код проверки: {code}",
        },
        ["ar"] = new()
        {
            [PostfachKinds.Reply] = "رد على طلبكم {reference}",
            [PostfachKinds.RequestInfo] = "استفسار بخصوص طلبكم {reference}",
            [PostfachKinds.Resolution] = "تمت معالجة طلبكم {reference}",
            [PostfachKinds.Transfer] = "تمت إحالة طلبكم {reference}",
            [PostfachKinds.Document] = "تم إصدار وثيقتكم: {title}",
            ["transfer.body"] = "طلبكم الآن لدى {department}، وستتلقون الرد التالي من هناك.",
            ["document.body"] = "تم إصدار وثيقتكم \"{title}\". يمكنكم تنزيلها. رمز التحقق: {code}",
        },
    };

    /// <summary>The languages the letters are written in.</summary>
    public static IReadOnlyCollection<string> Languages => Table.Keys;

    /// <summary>The keys <paramref name="language"/> lacks of the German table (a test keeps every language complete).</summary>
    public static IReadOnlyList<string> MissingKeys(string language) => [.. Table["de"].Keys.Where(k => !Table[language].ContainsKey(k))];

    /// <summary>The text <paramref name="key"/> (a <see cref="PostfachKinds"/> subject, or <c>transfer.body</c>, <c>document.body</c>) with its placeholders filled.</summary>
    public static string Text(string key, string? language, params (string Name, string Value)[] values)
    {
        var texts = SupportedLanguages.Fallbacks(language).Select(Table.GetValueOrDefault).First(t => t is not null)!;
        var text = texts[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The Postfach message of a document issued without a case: its id is the document's, its reference the verification code.</summary>
    public static PostfachMessageSubmitted Document(
        Guid documentId, Guid citizenId, DepartmentTerms department, string title, string code, string? language, DateTimeOffset at)
    {
        var written = language ?? SupportedLanguages.German;
        return new PostfachMessageSubmitted(
            documentId, citizenId, department.DepartmentId, null, code, PostfachKinds.Document, Text(PostfachKinds.Document, written, ("title", title)),
            Text("document.body", written, ("title", title), ("code", code)), documentId, written, department.Name, at);
    }

    /// <summary>A Postfach message about the case <paramref name="case"/> (null when it has no signed-in citizen).</summary>
    public static PostfachMessageSubmitted? About(
        Case @case, Guid id, string kind, string body, string? departmentName, DateTimeOffset at, Guid? documentId = null) =>
        @case.CitizenId is not { } citizen
            ? null
            : new PostfachMessageSubmitted(
                id, citizen, @case.DepartmentId, @case.Id, @case.Reference, kind, Text(kind, @case.Language, ("reference", @case.Reference)), body, documentId,
                @case.Language, departmentName, at);
}
