using System.Text;
using System.Text.RegularExpressions;

namespace MucGov.Knowledge.Search;

/// <summary>
/// Turns a citizen's text into search words: letters and digits only (so nothing typed can reach SQL as syntax),
/// lower case, umlauts also spelt out, Bavarian dialect words also in standard German, common filler words dropped.
/// </summary>
public static partial class QueryText
{
    /// <summary>Queries longer than this are cut (a question never needs more).</summary>
    public const int MaxLength = 300;

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        // German
        "ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", "wir", "uns", "unser", "unsere", "sie", "ihr", "ihre", "und", "oder", "aber",
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "wie", "was", "wo", "wann", "warum", "wer", "welche", "welcher",
        "muss", "müssen", "kann", "können", "möchte", "möchten", "will", "brauche", "brauchen", "braucht", "bräuchte", "bitte", "danke", "hallo", "haben", "habe", "hat", "bin",
        "ist", "sind", "wird", "werden", "soll", "sollte", "gibt", "geht", "machen", "mache", "nicht", "noch", "schon", "jetzt", "hier", "dort", "für",
        "mit", "von", "bei", "nach", "auf", "aus", "zum", "zur", "ins", "im", "in", "an", "am", "es", "man", "auch", "nur", "sehr", "gerne", "gern",
        "fürs", "fürn", "fuers", "fuern", "fia", "fian", "vom", "beim",
        "münchen", "muenchen", "minga", "stadt", "frage", "beantragen", "antrag", "bekommen", "kriege", "erhalten", "neu", "neuen", "neue", "neuer",
        // English
        "the", "and", "for", "with", "how", "what", "where", "when", "can", "need", "want", "have", "has", "get", "got", "does", "my", "your", "our",
        "you", "from", "into", "this", "that", "there", "please", "thanks", "hello", "munich", "city", "apply", "new", "should", "would", "could", "about", "do",
        // Turkish (and the case endings written after an apostrophe: "Kita'ya", "Münih'te"); not "de", "da", "mi", words of Bavarian too
        "merhaba", "selam", "nasıl", "nasil", "ne", "neler", "neyi", "nerede", "nerde", "nereye", "nereden", "için", "icin", "ben", "benim", "bana", "biz", "bizim", "bir",
        "bu", "şu", "onu", "bunu", "bunun", "ve", "ile", "mı", "mu", "mü", "istiyorum", "istiyoruz", "lazım", "lazim", "gerekiyor", "gerek", "gerekli",
        "yapmak", "yapılıyor", "yapiliyor", "yapabilirim", "yapmalıyım", "yapmaliyim", "yapmam", "münih", "munih", "te", "ta", "ya", "ye", "yı", "yi", "yu", "yü", "nin",
        "nın", "den", "dan", "ten", "tan", "lütfen", "lutfen", "acaba", "peki", "tamam", "var", "yok", "olarak", "kadar", "belediye", "belediyede", "belediyeye",
        "yeni", "başvuru", "basvuru", "başvurmak", "başvuruyoruz", "başvuruyorum", "başvurabilirim", "başvurmalıyım", "basvurmaliyim", "almak", "alabilir", "alabilirim",
        // Ukrainian
        "добрий", "доброго", "день", "вітаю", "привіт", "мені", "мене", "я", "ми", "нам", "нас", "наш", "наша", "мій", "моя", "моє", "мої", "потрібен", "потрібна",
        "потрібно", "потрібні", "треба", "новий", "нова", "нове", "нову", "що", "як", "де", "коли", "робити", "зробити", "можна", "можу", "хочу", "будь", "ласка",
        "дякую", "для", "в", "у", "на", "з", "із", "до", "про", "це", "і", "й", "чи", "або", "але", "мюнхен", "мюнхені", "мюнхена", "місто", "міста", "отримати",
        "подати", "оформити", "шо", "питання", "щодо", "стосовно",
        // Russian
        "добрый", "здравствуйте", "привет", "меня", "мы", "мой", "моё", "мое", "мои", "нужен", "нужна", "нужно", "надо", "новый", "новая", "новое", "новую", "что",
        "как", "где", "когда", "делать", "сделать", "можно", "могу", "пожалуйста", "спасибо", "во", "с", "со", "из", "о", "об", "это", "этот", "и", "или",
        "а", "но", "мюнхене", "город", "города", "получить", "подать", "оформить", "вопрос", "насчёт", "насчет", "касательно",
        // Arabic
        "مرحبا", "السلام", "عليكم", "أنا", "انا", "نحن", "لي", "لدي", "عندي", "أريد", "اريد", "أحتاج", "احتاج", "جديد", "جديدة", "ماذا", "كيف", "أين", "اين", "متى",
        "هل", "من", "في", "على", "إلى", "الى", "عن", "مع", "هذا", "هذه", "أو", "او", "لكن", "ميونخ", "المدينة", "الحصول", "أفعل", "افعل", "يجب", "علي", "يمكن",
        "يمكنني", "فضلك", "شكرا",
        // Bavarian fillers
        "i", "mia", "ma", "a", "des", "wia", "wos", "wo", "ned", "scho", "no", "mog", "dad", "hob", "hod", "is", "san", "kon", "ko", "muas", "brauch", "kriag",
    };

    // Bavarian (as people type it) → standard German; the original word is kept too, since synonyms may hold it.
    private static readonly Dictionary<string, string> Bavarian = new(StringComparer.Ordinal)
    {
        ["vaschlampt"] = "verloren", ["valorn"] = "verloren", ["verlorn"] = "verloren", ["furt"] = "weg", ["gstohln"] = "gestohlen",
        ["ogmeldt"] = "angemeldet", ["omeidn"] = "anmelden", ["oomeidn"] = "anmelden", ["ameldn"] = "anmelden", ["omelden"] = "anmelden", ["oamelden"] = "anmelden",
        ["obmeidn"] = "abmelden", ["abmeidn"] = "abmelden", ["ummeidn"] = "ummelden", ["ummeldn"] = "ummelden",
        ["umziang"] = "umziehen", ["ziang"] = "ziehen", ["zogn"] = "gezogen", ["zogen"] = "gezogen",
        ["kindagartn"] = "kindergarten", ["kindsgartn"] = "kindergarten", ["kindergartn"] = "kindergarten", ["kinderl"] = "kind",
        ["buam"] = "kind", ["madl"] = "kind", ["tochter"] = "kind", ["sohn"] = "kind", ["dirndl"] = "kind",
        ["heiratn"] = "heiraten", ["heirotn"] = "heiraten", ["hochzad"] = "hochzeit", ["hozat"] = "hochzeit",
        ["nochba"] = "nachbar", ["nachbarn"] = "nachbar", ["nochbarn"] = "nachbar", ["laut"] = "lärm", ["lapp"] = "lärm", ["krach"] = "lärm",
        ["oids"] = "altes", ["oide"] = "alte", ["gloa"] = "klein", ["groß"] = "groß", ["kastl"] = "schrank", ["kastn"] = "schrank", ["kanapee"] = "sofa", ["glump"] = "sperrmüll",
        ["auto"] = "fahrzeug", ["kistn"] = "fahrzeug", ["karrn"] = "fahrzeug", ["nummernschuid"] = "kennzeichen", ["numma"] = "kennzeichen",
        ["zualassn"] = "zulassen", ["zuaglassn"] = "zulassen", ["ummeldn"] = "ummelden", ["schein"] = "schein",
        ["ausweis"] = "personalausweis", ["perso"] = "personalausweis",
        ["hund"] = "hund", ["hundal"] = "hund", ["wauwau"] = "hund", ["steia"] = "steuer", ["steier"] = "steuer",
        ["parkn"] = "parken", ["parkplatzl"] = "parkplatz", ["bam"] = "baum", ["baam"] = "baum", ["umschneidn"] = "fällen", ["umsagn"] = "fällen",
        ["miaf"] = "müll", ["mist"] = "müll", ["tonna"] = "tonne", ["dunna"] = "tonne", ["kiach"] = "kirche", ["kircha"] = "kirche", ["austretn"] = "austreten",
        ["wohnung"] = "wohnung", ["wohnungl"] = "wohnung", ["hoamat"] = "heimat", ["fisch"] = "fisch", ["fischn"] = "fischen", ["angln"] = "angeln",
        ["wahln"] = "wahl", ["woi"] = "wahl", ["woin"] = "wählen", ["gstorbn"] = "gestorben", ["gstorm"] = "gestorben", ["sterbn"] = "sterben",
        ["gebuat"] = "geburt", ["gebuatsurkund"] = "geburtsurkunde", ["fundsach"] = "fundsache", ["gfundn"] = "gefunden", ["geldbeidl"] = "geldbeutel",
        ["firma"] = "gewerbe", ["gschäft"] = "gewerbe", ["gschaft"] = "gewerbe", ["wirtschaft"] = "gaststätte", ["boaz"] = "gaststätte", ["beisl"] = "gaststätte",
        ["anmeldn"] = "anmelden", ["ameidn"] = "anmelden", ["meidn"] = "melden", ["meid"] = "melde", ["gmeidt"] = "gemeldet", ["gmeldt"] = "gemeldet",
        ["minga"] = "münchen", ["ziag"] = "umzug", ["ziagn"] = "umziehen", ["bstätigung"] = "bestätigung", ["bstaetigung"] = "bestätigung",
        ["hiwendn"] = "hinwenden", ["wendn"] = "wenden", ["nochnam"] = "nachname", ["nama"] = "name", ["schui"] = "schule", ["kafft"] = "gekauft", ["nummern"] = "kennzeichen",
        ["göd"] = "geld", ["gfundn"] = "gefunden", ["liegn"] = "liegen", ["lassn"] = "lassen", ["schirm"] = "regenschirm", ["stod"] = "stadt",
        ["visum"] = "visum", ["valängan"] = "verlängern", ["verlängan"] = "verlängern", ["laaft"] = "läuft", ["pass"] = "reisepass",
        ["kindagartnplatz"] = "kindergartenplatz", ["kindergartnplatz"] = "kindergartenplatz", ["selbstständig"] = "selbständig",
        ["fiahrerschein"] = "führerschein", ["fiarerschein"] = "führerschein", ["lappn"] = "führerschein",
    };

    /// <summary>The search words of <paramref name="text"/> (distinct, in order).</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var cut = text.Length > MaxLength ? text[..MaxLength] : text;
        var words = new List<string>();
        var all = Word().Matches(cut.ToLowerInvariant().Normalize(NormalizationForm.FormC)).Select(m => m.Value).ToList();
        foreach (var word in all)
        {
            if (Bavarian.TryGetValue(word, out var standard) && !Filler.Contains(standard))
            {
                Add(standard);
            }

            if (!Filler.Contains(word))
            {
                Add(word);
            }
        }

        // German separable verbs: "Wo melde ich mich an?" means anmelden, "… ab" abmelden, "… um" ummelden.
        if (all.Any(w => w.StartsWith("meld", StringComparison.Ordinal) || w is "meid" or "meidn"))
        {
            foreach (var (particle, verb) in new[] { ("an", "anmelden"), ("ab", "abmelden"), ("ob", "abmelden"), ("um", "ummelden") })
            {
                if (all.Contains(particle))
                {
                    Add(verb);
                }
            }
        }

        return words;

        void Add(string word)
        {
            if (word.Length >= 2 && !words.Contains(word))
            {
                words.Add(word);
            }

            var folded = Fold(word);
            if (folded != word && !words.Contains(folded))
            {
                words.Add(folded);
            }
        }
    }

    // Ukrainian endings of case, number, person and the reflexive, longest first: PostgreSQL has no Ukrainian stemmer, so
    // the translation's words are stored whole and a question's word meets them by its stem as a prefix ("квартиру" finds
    // "квартира", "записуватися" finds "записування").
    private static readonly string[] CyrillicEndings =
    [
        "ування", "ється", "ються", "ться", "тися", "ого", "ому", "ими", "іми", "ами", "ями", "ові", "еві", "ати", "яти", "ити", "іти", "ути", "ать",
        "ять", "уть", "ють", "ить", "ете", "єте", "емо", "ємо", "имо", "ите", "ала", "али", "ало", "ила", "или", "ило", "ся", "сь", "ою", "ею", "ів", "їв",
        "ам", "ям", "ах", "ях", "ом", "ем", "ій", "ий", "ої", "им", "ім", "их", "іх", "ую", "юю", "ав", "ив", "ла", "ли", "ло", "а", "я", "у", "ю", "і",
        "и", "о", "е", "ь", "й", "є", "ї",
    ];

    /// <summary>
    /// A Cyrillic word as a text search query that matches its other forms: its stem (four letters at least) with the prefix
    /// operator; any other word, or one too short to cut, as it is. The words hold letters and digits only, so nothing else reaches the query.
    /// </summary>
    public static string PrefixQuery(string word)
    {
        if (word.Length < 5 || word[0] is < '\u0400' or > '\u04FF')
        {
            return word;
        }

        foreach (var ending in CyrillicEndings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= 4)
            {
                return word[..^ending.Length] + ":*";
            }
        }

        return word + ":*";
    }

    /// <summary>A typo of a word: both five letters or more, one edit apart (two when both have eight or more).</summary>
    public static bool IsTypo(string word, string term)
    {
        var shorter = Math.Min(word.Length, term.Length);
        return shorter >= 5 && Math.Abs(word.Length - term.Length) <= 2 && Distance(word, term) <= (shorter >= 8 ? 2 : 1);
    }

    /// <summary>
    /// The number of edits between two words — a letter inserted, dropped or replaced, or two neighbours swapped
    /// ("anmledung"), which is one slip of the fingers, not two.
    /// </summary>
    public static int Distance(string a, string b)
    {
        // Three rows of the edit table: two rows back (for swaps), the last one and the current one.
        var (twoBack, last, current) = (new int[b.Length + 1], new int[b.Length + 1], new int[b.Length + 1]);
        for (var j = 0; j <= b.Length; j++)
        {
            last[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(last[j] + 1, current[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], twoBack[j - 2] + 1);
                }
            }

            (twoBack, last, current) = (last, current, twoBack);
        }

        return last[b.Length];
    }

    /// <summary>
    /// Two words of the same stem: both at least <paramref name="shortest"/> letters, sharing their beginning up to the
    /// last two letters of the shorter one ("abmeldn" and "abmelden", "resident" and "residence").
    /// </summary>
    public static bool SameStem(string word, string term, int shortest)
    {
        var shorter = Math.Min(word.Length, term.Length);
        return shorter >= shortest && CommonPrefix(word, term) >= Math.Max(shortest, shorter - 2);
    }

    /// <summary>The length of the beginning two words share.</summary>
    public static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    /// <summary>The content words of a title or synonym: lower case, umlauts written out, fillers dropped.</summary>
    public static IReadOnlyList<string> Content(string text) =>
        [.. Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3 && !Filler.Contains(w)).Select(Fold).Distinct()];

    /// <summary>Umlauts and ß written out (ä → ae …), as people type without a German keyboard.</summary>
    public static string Fold(string word) =>
        word.Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);

    /// <summary>The terms of a service for trigram matching: words of its titles and synonyms, 4+ letters, also folded.</summary>
    public static IReadOnlySet<string> Terms(IEnumerable<string> texts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match match in Word().Matches(text.ToLowerInvariant()))
            {
                if (match.Value.Length >= 4 && !Filler.Contains(match.Value))
                {
                    terms.Add(match.Value);
                    terms.Add(Fold(match.Value));
                }
            }
        }

        return terms;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
