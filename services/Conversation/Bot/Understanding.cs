using System.Globalization;
using System.Text.RegularExpressions;

namespace MucGov.Conversation.Bot;

/// <summary>
/// What a message says apart from the catalog's words, in German, English and Bavarian: small talk, the wish for a
/// checklist ("was muss ich alles erledigen?"), walking a checklist ("weiter", "Schritt 3", "was davon gilt für
/// mich?"), facts about the citizen that decide a step ("wir haben einen Hund, aber kein Auto"), a death or distress,
/// and a day asked about ("am Samstag"). Plain functions of the text, so they are unit-tested alone.
/// </summary>
public static partial class Understanding
{
    /// <summary>Small talk intents (understood.intent).</summary>
    public static class Intents
    {
        public const string Name = "smalltalk:name";
        public const string Creator = "smalltalk:creator";
        public const string Capabilities = "smalltalk:capabilities";
        public const string Human = "smalltalk:human";
        public const string HowAreYou = "smalltalk:how-are-you";
        public const string Joke = "smalltalk:joke";
        public const string Insult = "smalltalk:insult";
        public const string Compliment = "smalltalk:compliment";
        public const string Thanks = "smalltalk:thanks";
        public const string Goodbye = "smalltalk:goodbye";
        public const string Banter = "smalltalk:banter";
        public const string Greeting = "smalltalk:greeting";
    }

    /// <summary>
    /// The small talk a message is, or null when it asks something of substance. "Noch einer!" is a joke wish only when
    /// the chat already had jokes; thanks and compliments only when nothing else is asked.
    /// </summary>
    public static string? SmallTalk(string lower, DialogueState state)
    {
        var request = WantsChecklist(lower) || Aspects.Of(lower) is not null || Request().IsMatch(lower);
        if (Joke().IsMatch(lower) || (state.JokesTold.Count > 0 || state.LastIntent == Intents.Joke) && AnotherOne().IsMatch(lower) && !request)
        {
            return Intents.Joke;
        }

        if (Name().IsMatch(lower))
        {
            return Intents.Name;
        }

        if (Creator().IsMatch(lower))
        {
            return Intents.Creator;
        }

        if (Human().IsMatch(lower))
        {
            return Intents.Human;
        }

        if (HowAreYou().IsMatch(lower))
        {
            return Intents.HowAreYou;
        }

        if (Capabilities().IsMatch(lower))
        {
            return Intents.Capabilities;
        }

        if (Goodbye().IsMatch(lower))
        {
            return Intents.Goodbye;
        }

        if (request)
        {
            return null;
        }

        if (Insult().IsMatch(lower))
        {
            return Intents.Insult;
        }

        if (Thanks().IsMatch(lower) && Words(lower) <= 10)
        {
            return Intents.Thanks;
        }

        if (Compliment().IsMatch(lower))
        {
            return Intents.Compliment;
        }

        if (Banter().IsMatch(lower) && (AddressesBot().IsMatch(lower) || Words(lower) <= 9))
        {
            return Intents.Banter;
        }

        return null;
    }

    /// <summary>Thanks and nothing else ("danke!", "teşekkürler", "дякую", "شكرا").</summary>
    public static bool IsOnlyThanks(string lower) => Thanks().IsMatch(lower) && !Letters().IsMatch(Thanks().Replace(lower, " "));

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex Letters();

    /// <summary>What banter is about: <c>wiesn</c>, <c>football</c>, <c>weather</c> or <c>other</c> (each has its own answer).</summary>
    public static string BanterTopic(string lower) =>
        WiesnTopic().IsMatch(lower) ? "wiesn" : FootballTopic().IsMatch(lower) ? "football" : WeatherTopic().IsMatch(lower) ? "weather" : "other";

    [GeneratedRegex(@"\b(wiesn|oktoberfest|bier|beer|brezn|weißwurst|biergarten|октоберфест\w*|пив\w*)\b" +
        @"|" + ArabicWords.Start + @"(أكتوبرفست|اكتوبرفست|أوكتوبرفست|بيرة|البيرة)" + ArabicWords.End)]
    private static partial Regex WiesnTopic();

    [GeneratedRegex(@"\b(fu(ß|ss)ball|fc bayern|bayern|sechzig|1860|löwen|meister|bundesliga|football|soccer|футбол\w*|баварі\w*|бавари\w*)\b" +
        @"|" + ArabicWords.Start + @"(كرة القدم|كورة|فوتبول|بايرن)" + ArabicWords.End)]
    private static partial Regex FootballTopic();

    [GeneratedRegex(@"\b(wetter|weather|regnet|regen|rain\w*|hei(ß|ss)|hot|kalt|cold|schnee|snow|föhn|погод\w*|дощ\w*|дожд\w*|холодн\w*|спек\w*|жарк\w*|сніг\w*|снег\w*)\b" +
        @"|" + ArabicWords.Start + @"(الجو|جو|الطقس|طقس|برد|بارد|البرد|حر|الحر|حار|مطر|المطر|شتي|ثلج|الثلج)" + ArabicWords.End)]
    private static partial Regex WeatherTopic();

    /// <summary>"Was muss ich alles erledigen?", "what do I need to do?", "what now?", "wos miass ma ois doa?"</summary>
    public static bool WantsChecklist(string lower) => Checklist().IsMatch(lower);

    /// <summary>A bare statement of need ("Ich brauch einen Parkausweis", "I need a parking permit"), not a question how or where.</summary>
    public static bool StatesNeed(string lower) => Need().IsMatch(lower);

    // Turkish says it with the need last ("bana bir Parkausweis lazım"), Ukrainian and Russian with the thing last ("мені потрібен …").
    [GeneratedRegex(@"^\W*(ich|i|wir|mia|we)\s+(brauch\w*|benötig\w*|need|want)\b" +
        @"|^\W*(bana|bize)\b.*\b(laz[ıi]m|gerek\w*|ihtiyac[ıi]m var)\W*$" +
        @"|^\W*(мені|нам|мне)\s+(потріб\w*|треба|нуж\w*|надо)\b" +
        @"|^\W*(بدي|بدنا|محتاج|أحتاج|احتاج|عايز|أريد|اريد)(?!\p{L})")]
    private static partial Regex Need();

    /// <summary>A new topic announced ("Andere Frage: …", "ganz was anderes", "ok different thing."): the chat's topic no longer applies.</summary>
    public static bool SwitchesTopic(string lower) => Switch().IsMatch(lower);

    /// <summary>The message without its announcement of a new topic.</summary>
    public static string WithoutSwitch(string lower) => Switch().Replace(lower, " ").Trim();

    [GeneratedRegex(@"^\W*((ok|okay|gut|passt|so|und|also|na)\W+)?(ganz )?(eine |a )?(andere|anderes|andre|other|another|different|new|neue) " +
        @"(frage|frog|sache|thema|ding|thing|question|topic|matter)\b\W*|^\W*((ok|okay|gut|passt|so|und|also)\W+)?(was|wos|something) (ganz )?(anderes|anders|else)\b\W*" +
        @"|^\W*(ba[şs]ka|farkl[ıi]) bir (soru|konu|[şs]ey)\w*\W*" +
        @"|^\W*((добре|гаразд|ок|хорошо|ладно|так)\W+)?(зовсім |совсем |ще |ещё |еще )?(інше|інша|друге|другое|другая|другой|одне|один) (питання|тема|справа|" +
        @"вопрос|тема|дело)\b\W*" +
        @"|^\W*(зовсім інше|совсем другое|інша справа|другое дело)\b\W*" +
        @"|^\W*(موضوع|سؤال|شغلة|شي) (تاني|ثاني|آخر|اخر|تانية|ثانية)\W*")]
    private static partial Regex Switch();

    /// <summary>An official letter the citizen does not understand ("Brief vom Amt, versteh nicht, was die wollen") — no service named yet.</summary>
    public static bool UnclearLetter(string lower) => OfficialLetter().IsMatch(lower) && NotUnderstood().IsMatch(lower);

    [GeneratedRegex(@"\b(brief|briaf|schreiben|bescheid|letter|aktenzeichen)\b" +
        @"|\b(mektup\w*|tebligat\w*|dosya numaras\w*)\b")]
    private static partial Regex OfficialLetter();

    [GeneratedRegex(@"\b(versteh\w*|vasteh\w*|understand|don'?t get|was (die|der|des|de|sie) (von mir )?(will|wollen|wuin|woin)|what (they|it|he|she) wants?|" +
        @"keine ahnung|koa ahnung|no idea)\b" +
        @"|\b(anlamad[ıi]m|anlam[ıi]yorum|ne istedi\w*|ne demek\w*|hi[çc]bir fikrim yok|bilmiyorum)\b")]
    private static partial Regex NotUnderstood();

    /// <summary>
    /// The wish for everything at once ("alles", "ois", "everything", "what now?", "where do I start?", "first"): then a
    /// matching life situation wins over a single service.
    /// </summary>
    public static bool WantsEverything(string lower) => WantsChecklist(lower) && Everything().IsMatch(lower);

    [GeneratedRegex(@"\b(alles|ois|all|everything|what now|was nun|sort out|start|anfangen|fang|first|zuerst|zerscht|erst)\b" +
        @"|\b(her ?[şs]ey\w*|hepsi\w*|ilk|önce|nereden ba[şs]la\w*|neler|neleri|t[üu]m)\b" +
        @"|\b(все|всё|усе|насамперед|спочатку|почати|почину|в першу чергу|в первую очередь|сначала|начать|начинать|що тепер|что теперь)\b" +
        @"|" + ArabicWords.Start + @"(كل شي|كل شيء|كلشي|بالأول|بالاول|أولا|أولاً|اولا|أول شي|اول شي|أبدأ|ابدأ|ببلش|نبدأ|نبلش|هلق|هلأ|هسه|هسا|الحين|دلوقتي)" + ArabicWords.End)]
    private static partial Regex Everything();

    /// <summary>"weiter", "next", "und dann?": the next step of the checklist being walked.</summary>
    public static bool WantsNextStep(string lower)
    {
        var bare = WordPattern().Matches(lower).Select(m => m.Value).ToList();
        if (bare.Count is > 0 and <= 3 && Next().IsMatch(string.Join(' ', bare)))
        {
            return true;
        }

        var rest = string.Join(' ', WordPattern().Matches(StepFiller().Replace(lower, " ")).Select(m => m.Value));
        return rest.Length > 0 && Next().IsMatch(rest);
    }

    /// <summary>"Schritt 3", "step 2": that step of the checklist; null when no step is named.</summary>
    public static int? StepNumber(string lower) =>
        StepPattern().Match(lower) is { Success: true } m && int.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100
            ? n
            : null;

    /// <summary>"Was davon gilt für mich?", "which of these apply to us?": the citizen wants the steps narrowed down.</summary>
    public static bool AsksWhichApply(string lower) => WhichApply().IsMatch(lower);

    /// <summary>Someone died: condolence and the checklist for a death come first.</summary>
    public static bool Bereavement(string lower) => Died().IsMatch(lower) && !Hypothetical().IsMatch(lower);

    /// <summary>Fear, debt, hardship or anger: a sensitive topic, after which the bot tells no jokes in this chat.</summary>
    public static bool Distress(string lower) => DistressPattern().IsMatch(lower);

    /// <summary>Whether the message names anything a step can depend on (a car, a dog, children …), before asking which steps there are.</summary>
    public static bool MentionsFacts(string lower) => FactPatterns.Values.Any(p => p.IsMatch(lower));

    /// <summary>What the message says about the facts that decide a checklist's steps (key → true/false), for the keys asked.</summary>
    public static IReadOnlyDictionary<string, bool> Facts(string lower, IEnumerable<string> keys)
    {
        var facts = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var key in keys.Distinct())
        {
            if (!FactPatterns.TryGetValue(key, out var pattern))
            {
                continue;
            }

            foreach (Match match in pattern.Matches(lower))
            {
                var before = lower[Math.Max(0, match.Index - 25)..match.Index];
                var after = lower[(match.Index + match.Length)..];
                var negated = Negation().IsMatch(Clause().Split(before)[^1]) || NegatedAfter().IsMatch(after)
                    || AtHome().IsMatch(lower[match.Index..Math.Min(lower.Length, match.Index + match.Length + 30)]);
                facts[key] = key == "unmarried" ? negated || Unmarried().IsMatch(match.Value) : !negated;
            }
        }

        return facts;
    }

    /// <summary>The day a message asks about ("heute", "morgen", "am Samstag", "on Sunday"), from <paramref name="today"/>; null for none.</summary>
    public static DateOnly? Day(string lower, DateOnly today)
    {
        if (Today().IsMatch(lower))
        {
            return today;
        }

        if (Tomorrow().IsMatch(lower))
        {
            return today.AddDays(1);
        }

        var weekday = Weekday().Match(lower);
        if (!weekday.Success)
        {
            return null;
        }

        var name = weekday.Value.Trim();
        var day = ArabicDays.Where(d => name.Contains(d.Stem, StringComparison.Ordinal)).Select(d => (DayOfWeek?)d.Day).FirstOrDefault() ?? name[..2] switch
        {
            "mo" or "по" => DayOfWeek.Monday,
            "di" or "tu" or "ei" or "ві" or "вт" => DayOfWeek.Tuesday,
            "mi" or "we" or "се" or "ср" => DayOfWeek.Wednesday,
            "do" or "th" or "pf" or "че" => DayOfWeek.Thursday,
            "fr" or "п'" or "пя" or "п’" => DayOfWeek.Friday,
            "sa" or "су" => DayOfWeek.Saturday,
            _ => DayOfWeek.Sunday,
        };
        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead);
    }

    // The weekdays in Arabic by a stem each (the article and clitics vary); Sunday's "حد" last, after the others.
    private static readonly (string Stem, DayOfWeek Day)[] ArabicDays =
    [
        ("ثنين", DayOfWeek.Monday), ("ثلاثاء", DayOfWeek.Tuesday), ("تلات", DayOfWeek.Tuesday), ("ربع", DayOfWeek.Wednesday),
        ("خميس", DayOfWeek.Thursday), ("جمع", DayOfWeek.Friday), ("سبت", DayOfWeek.Saturday), ("حد", DayOfWeek.Sunday),
    ];

    /// <summary>The hour a message asks about on a day: "nachmittag" 15, "abends" 18, otherwise 10 in the morning.</summary>
    public static int Hour(string lower) => Afternoon().IsMatch(lower) ? 15 : Evening().IsMatch(lower) ? 18 : Until().IsMatch(lower) ? ClosingHour : 10;

    /// <summary>
    /// The hour asked about when the citizen asks until when a place is open ("до котрої?", "bis wann?"): the afternoon, so
    /// the answer names the day's last closing time (the morning's where it is closed in the afternoon).
    /// </summary>
    public const int ClosingHour = 16;

    [GeneratedRegex(@"\b(bis wann|until when|how late|ne zamana kadar|saat ka[çc]a kadar|до котрої|до которого часу|до скольки|до какого часа|до якої години)\b" +
        @"|" + ArabicWords.Start + @"(لحد أي ساعة|لحد اي ساعة|لغاية أي ساعة|لغاية اي ساعة|حتى أي ساعة|لأي ساعة|لاي ساعة|لامتى|لإمتى)" + ArabicWords.End)]
    private static partial Regex Until();

    [GeneratedRegex(@"\b(nachmittags?|nachmiddog|afternoon|nach der arbeit|after work|після обіду|після роботи|после обеда|после работы)\b" +
        @"|" + ArabicWords.Start + @"(بعد الظهر|بعد الضهر|العصر|بعد الشغل)" + ArabicWords.End)]
    private static partial Regex Afternoon();

    [GeneratedRegex(@"\b(abends?|evening|tonight|spät|late|ввечері|увечері|вечером|вечір|пізно|поздно)\b" +
        @"|" + ArabicWords.Start + @"(بالليل|المسا|مساء|مساءً|المساء)" + ArabicWords.End)]
    private static partial Regex Evening();

    /// <summary>"und ein neuer Führerschein?", "and for a dog?": the same question as before about something else.</summary>
    public static bool IsEllipsis(string lower) => Ellipsis().IsMatch(lower) && Words(lower) <= 7;

    [GeneratedRegex(@"^\W*(und|and|what about|how about|und wie ist es mit|und bei|und wenn|and if|und im|und am)\b" +
        @"|^\W*(peki|ya|bir de)\b" +
        @"|^\W*(а|і|и|а що з|а как насчёт|а как насчет|а якщо|а если)\b" +
        @"|^\W*(و|وإذا|واذا|وماذا عن|طيب و)")]
    private static partial Regex Ellipsis();

    /// <summary>A message of a few words ("Schritt 3", "step 2 please").</summary>
    public static bool IsShort(string lower) => Words(lower) <= 5;

    private static int Words(string lower) => WordPattern().Count(lower);

    private static readonly Dictionary<string, Regex> FactPatterns = new(StringComparer.Ordinal)
    {
        ["car"] = Car(),
        ["dog"] = Dog(),
        ["children"] = Children(),
        ["second-home"] = SecondHome(),
        ["non-eu"] = NonEu(),
        ["foreign-licence"] = Licence(),
        ["licence"] = Licence(),
        ["owner"] = Owner(),
        ["unmarried"] = Married(),
    };

    [GeneratedRegex(@"\b(\w*witz\w*|joke\w*|vazähl|vazoi|erzähl\w* (mir )?(was|etwas) (lustiges|witziges)|something funny|make me laugh|bring mich zum lachen|schmäh)\b" +
        @"|\b(f[ıi]kra\w*|[şs]aka\w*|espri\w*|g[üu]ld[üu]r\w*|komik bir [şs]ey)\b" +
        @"|\b(анекдот\w*|жарт\w*|пожартуй|розсміши|розсмішити|щось смішне|шутк\w*|пошути|рассмеши|рассмешить|что-нибудь смешное|что-то смешное)\b" +
        @"|" + ArabicWords.Start + @"(نكتة|نكته|نكت|ضحكني|تضحكني|بضحك|شي بيضحك|شي يضحك|نكتة تانية)" + ArabicWords.End)]
    private static partial Regex Joke();

    [GeneratedRegex(@"\b(noch (einer|einen|oan|ein(en)? witz)|no(ch)? oan|einen hast du noch|another( one)?|one more|no a(n|n)?s?|nomoi|nochmal|again)\b" +
        @"|\b(bir tane daha|bir daha|ba[şs]ka bir (tane|f[ıi]kra|[şs]aka)\w*|daha anlat\w*|bir f[ıi]kra daha|bir [şs]aka daha|tekrar)\b" +
        @"|\b(ще (один|одну|раз|щось)|давай ще|ещё (один|одну|раз)|еще (один|одну|раз)|давай ещё|давай еще)\b" +
        @"|" + ArabicWords.Start + @"(كمان (وحدة|وحده|واحدة|واحد|مرة)|(وحدة|وحده|واحدة) (كمان|تانية|ثانية|غيرها)|غيرها|مرة كمان)" + ArabicWords.End)]
    private static partial Regex AnotherOne();

    [GeneratedRegex(@"\b(wie hei(ß|ss)(t|en) (du|sie)|wia hoa(ß|ss)t'?n? du|wia hoa(ß|ss)(t|n) du|wie ist dein name|dein name|what'?s your name|what is your name|your name|" +
        @"hast du (einen|an) nam\w*|wie soll ich dich nennen)\b" +
        @"|\b(ad[ıi]n ne|ismin ne|senin ad[ıi]n|sana ne diye|ad[ıi]n[ıi]z ne|isminiz ne)\b" +
        @"|\b(як тебе (звати|звуть|називати)|як твоє ім'я|твоє ім'я|як вас звати|как тебя (зовут|звать|называть)|как твоё имя|как твое имя|твоё имя|твое имя|как вас зовут)\b" +
        @"|" + ArabicWords.Start + @"(شو اسمك|ما اسمك|ما هو اسمك|ايش اسمك|إيش اسمك|شنو اسمك|اسمك ايه|اسمك إيه|اسمك شو|شسمك)" + ArabicWords.End)]
    private static partial Regex Name();

    [GeneratedRegex(@"\b(wer hat dich|wer hod di|wer hat di|who (made|built|created|programmed|developed|wrote) you|wer steckt hinter dir|von wem bist du|" +
        @"wer (hat|hod) (dich|di) (gebaut|gmacht|gemacht|programmiert|entwickelt|erfunden))\b" +
        @"|\b(seni kim (yapt|yarat|programla|geli[şs]tir|yazd)\w*|kim taraf[ıi]ndan (yap|geli[şs]tir|yarat)\w*)\b" +
        @"|\b(хто тебе (створив|зробив|розробив|написав|запрограмував|придумав)|кто тебя (создал|сделал|разработал|написал|запрограммировал|придумал))\b" +
        @"|" + ArabicWords.Start + @"(مين (اللي )?(عملك|صنعك|برمجك|طورك|سواك|عملّك)|من (صنعك|برمجك|صممك|طورك|عملك|أنشأك))" + ArabicWords.End)]
    private static partial Regex Creator();

    [GeneratedRegex(@"\b(bist du|bist'?n du|bisd du|san sie|sind sie|are you|r u)\b.*\b(mensch|human|bot|roboter|robot|maschine|ki|ai|echt|real|computer|person)\b" +
        @"|\b(insan m[ıi]s[ıi]n\w*|robot mu\w*|bot mu\w*|ger[çc]ek (bir )?insan\w*|yapay zeka m[ıi]\w*|makine mi\w*)\b" +
        @"|\b(ти|ты|ви|вы)\b.*\b(людина|человек|живий|живой|справжн\w*|настоящ\w*|штучний інтелект|искусственный интеллект|ші|ии)\b" +
        @"|\b(ти|ты|ви|вы) (бот|робот|програма|программа|машина)\s*\?|\b(бот|робот) (чи|или) (людина|человек)\b" +
        @"|" + ArabicWords.Start + @"(انت|إنت|أنت|انتي|إنتي)" + ArabicWords.End + @".*(انسان|إنسان|روبوت|بوت|آلة|ذكاء اصطناعي|كمبيوتر)")]
    private static partial Regex Human();

    [GeneratedRegex(@"\b(wie geht'?s|wie gehts|wia geht'?s|wia gehts|how are you|how'?s it going|how are things|how r u|alles fit)\b" +
        @"|\b(nas[ıi]ls[ıi]n\w*|naber|ne haber|keyfin nas[ıi]l|iyi misin\w*|nas[ıi]l gidiyor)\b" +
        @"|\b(як (справи|ти|ся маєш|у тебе справи|життя)|как (дела|ты|поживаешь|у тебя дела|жизнь))\b" +
        @"|" + ArabicWords.Start + @"(كيف حالك|كيفك|كيف الحال|شلونك|ازيك|إزيك|ازيّك|شخبارك|شو أخبارك|شو اخبارك|كيف صحتك|لاباس)" + ArabicWords.End)]
    private static partial Regex HowAreYou();

    [GeneratedRegex(@"\b(wer bist du|was kannst du|wos konst du|was kannst'?n du|who are you|what can you( actually| even)? do|what do you do|was machst du|" +
        @"wobei (hilfst|kannst) du|how can you help|was kann (der bot|mingabot))\b" +
        @"|\b(sen kimsin|kimsin|neler yapabil(irsin|iyorsun)|ne yapabil(irsin|iyorsun)|ne i[şs]e yarars[ıi]n|bana nas[ıi]l yard[ıi]m\w*|ne yap[ıi]yorsun|" +
        @"neler biliyorsun|neler yap[ıi]yorsun)\b" +
        @"|\b(що ти (вмієш|можеш|робиш|знаєш)|хто ти|чим (ти )?(можеш )?допомогти|що ти взагалі вмієш|что ты (умеешь|можешь|делаешь|знаешь)|кто ты|" +
        @"чем (ты )?(можешь )?помочь|что ты вообще умеешь)\b" +
        @"|" + ArabicWords.Start + @"(شو (بتقدر|تقدر|بتعرف|بتعمل|بتساعد)|ايش (تقدر|تسوي|تعرف)|إيش (تقدر|تسوي|تعرف)|ماذا (تستطيع|يمكنك|تفعل)|مين انت|مين إنت|من أنت|من انت|" +
        @"بتعرف تعمل ايه|تقدر تعمل ايه|بتقدر تساعدني)" + ArabicWords.End)]
    private static partial Regex Capabilities();

    /// <summary>A goodbye alone (thanks get their own answer, which says goodbye too).</summary>
    [GeneratedRegex(@"^\W*(tschüss|tschüs|tschau|ciao|bye|goodbye|bye bye|pfiat di|pfiad di|pfiat eich|pfiat god|auf wiedersehen|bis bald|bis dann|see you|see ya|baba|" +
        @"servus und pfiat di)\W*$" +
        @"|^\W*(ho[şs][çc]a ?kal\w*|g[üu]le g[üu]le|g[öo]r[üu][şs][üu]r[üu]z|bay bay|iyi g[üu]nler|iyi ak[şs]amlar)\W*$" +
        @"|^\W*(до побачення|бувай\w*|до свидания|пока|па-па|папа|пока-пока|до зустрічі|до встречи|всього доброго|всего доброго|гарного дня|хорошего дня|" +
        @"مع السلامة|وداعا|باي|يلا باي|سلام)\W*$")]
    private static partial Regex Goodbye();

    [GeneratedRegex(@"\b(nutzlos\w*|useless|dumm\w*|blöd\w*|bled\w*|depp\w*|idiot\w*|stupid|worst|trottel|dodl|hirnlos|scheiß\w*|scheiss\w*|sucks|rubbish|" +
        @"garbage|versteh(st)? (eh |ja )?nix|vastehst eh nix|vastehst nix|zu nix zu gebrauchen|keine ahnung hast du|you know nothing)\b" +
        @"|\b(aptal\w*|salak\w*|gerizekal[ıi]\w*|beyinsiz\w*|i[şs]e yaramaz\w*|berbat\w*|hi[çc]bir [şs]ey (bilmiyor|anlam[ıi]yor)\w*|rezil\w*|sa[çc]ma\w*)\b" +
        @"|\b(дурн\w*|дурень|тупий|тупа|тупой|тупая|(най)?тупіш\w*|тупейш\w*|безкорисн\w*|марн\w*|ідіот\w*|идиот\w*|найгірш\w*|бесполезн\w*|дурак\w*|дурацк\w*|худш\w*|" +
        @"нічого не розумієш|ничего не понимаешь|никчёмн\w*|никчемн\w*)\b" +
        @"|" + ArabicWords.Start + @"(غبي|غبية|حمار|ما بتفهم|ما تفهم|ما بتفهمش|فاشل|سيء|أسوأ|اسوأ|تافه|ما بتنفع|مش نافع)" + ArabicWords.End)]
    private static partial Regex Insult();

    [GeneratedRegex(@"\b(danke\w*|dankschön|merci|vergelt'?s gott|vergelts gott|thanks|thank you|thx|ty|cheers|passt,? danke)\b" +
        @"|\b(te[şs]ekk[üu]r\w*|sa[ğg] ?ol\w*|eyvallah|mersi)\b" +
        @"|\b(дякую|спасибі|спасибо|благодарю|شكرا|شكرًا|مشكور\w*)")]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\b(hilfreich\w*|helpful|gscheid\w*|gscheit\w*|schlau\w*|clever|du bist (super|toll|klasse|spitze|großartig|der beste|fei)|" +
        @"you'?re (the best|great|amazing|awesome|" +
        @"super|brilliant)|you are (the best|great|amazing|awesome)|gut gemacht|well done|respekt|love you|mag di|nice bot|guter bot|good bot)\b" +
        @"|\b([çc]ok (yard[ıi]mc[ıi]|iyi|harika|s[üu]per|ak[ıi]ll[ıi])\w*|harikas[ıi]n\w*|s[üu]persin\w*|yard[ıi]mc[ıi] oldun\w*|ellerine sa[ğg]l[ıi]k|bravo|" +
        @"ak[ıi]ll[ıi]s[ıi]n\w*|en iyisisin\w*|iyi bot)\b" +
        @"|\b(молодець|молодец|розумниця|умница|ти (супер|класний|розумний|найкращий|чудовий)|ты (супер|классный|умный|лучший|замечательный)|дуже допоміг|очень помог)\b" +
        @"|" + ArabicWords.Start + @"(شاطر|شاطرة|يعطيك العافية|برافو|ممتاز|رائع|انت رائع|إنت رائع|كتير منيح|حلو كتير|تسلم|الله يسعدك|ساعدتني كتير)" + ArabicWords.End)]
    private static partial Regex Compliment();

    [GeneratedRegex(@"\b(wiesn|oktoberfest|fu(ß|ss)ball|fc bayern|bayern|sechzig|1860|löwen|meister|bundesliga|football|soccer|wetter|weather|regnet|regen|rain\w*|" +
        @"hei(ß|ss)|hot|kalt|cold|schnee|snow|föhn|bier|beer|brezn|weißwurst|biergarten)\b" +
        @"|\b(hava\w* (nas[ıi]l|g[üu]zel|so[ğg]uk|s[ıi]cak|k[öo]t[üu])\w*|ya[ğg]mur\w*|futbol\w*|maç\w*|bira|biralar\w*|biray[ıi]|biras[ıi]|ekim festival\w*)\b" +
        @"|\b(октоберфест\w*|пив\w*|футбол\w*|погод\w*|дощ\w*|дожд\w*|холодн\w*|холодно|спек\w*|жарк\w*|сніг\w*|снег\w*)\b" +
        @"|" + ArabicWords.Start + @"(أكتوبرفست|اكتوبرفست|بيرة|كرة القدم|كورة|فوتبول|الجو|الطقس|برد|بارد|حر|حار|مطر|شتي|ثلج)" + ArabicWords.End)]
    private static partial Regex Banter();

    [GeneratedRegex(@"\b(du|di|dir|dich|you|your|ihr|eich)\b" +
        @"|\b(sen|sana|seni|senin|siz|sizi)\b" +
        @"|\b(ти|тебе|тобі|твій|ты|тебя|твой)\b" +
        @"|" + ArabicWords.Start + @"(انت|إنت|أنت|انتي|إنتي|عندك|فيك|بتتحملوه)" + ArabicWords.End)]
    private static partial Regex AddressesBot();

    /// <summary>Words of a real request: the message wants something of the city.</summary>
    [GeneratedRegex(@"\b(brauch\w*|erlaubnis|genehmigung|antrag\w*|beantrag\w*|anmeld\w*|abmeld\w*|ummeld\w*|need|permit|licen[cs]e|apply|register|muss ich|muas i|" +
        @"lost|verloren|verlorn|gestohlen|geklaut|stolen|vaschlampt|weg|" +
        @"must i|do i have to|wo kann ich|where can i|wie kann ich|how (do|can) i)\b" +
        @"|\b(laz[ıi]m|gerek\w*|ba[şs]vur\w*|kay[ıi]t\w*|izin\w*|ruhsat\w*|kaybett\w*|[çc]al[ıi]nd\w*|nas[ıi]l (yapabilir|alabilir|ba[şs]vur)\w*|nereye|" +
        @"nereden|istiyorum|almak istiyorum)\b" +
        @"|\b(потрібн\w*|треба|хочу|оформ\w*|отрима\w*|подати|зареєстр\w*|загуби\w*|втрати\w*|вкрали|нужн\w*|надо|получ\w*|подать|зарегистр\w*|потеря\w*|" +
        @"украли|вытащили)\b" +
        @"|" + ArabicWords.Start + @"(بدي|أريد|اريد|عايز|عاوز|محتاج|بحتاج|ضاع|ضيعت|سرق\w*|انسرق\w*|أجدد|اجدد|أسجل|اسجل)" + ArabicWords.End)]
    private static partial Regex Request();

    [GeneratedRegex(@"\b((was|wos|what)\b.*\b(alles|ois|all)\b|(was|wos) (muss|müssen|muas|miass|soll|sollen|mua(ss|ß)) (ich|wir|i|ma|mia|man)\b.*\b" +
        @"(machen|erledigen|erledign|tun|doa|" +
        @"beachten|macha|regeln)|what (do|should|must) (i|we) (have to |need to |got to )?(do|sort out|take care of|organi[sz]e)|what now|was nun|was mach ich jetzt|was tun|" +
        @"(was|wos|what)\b.*\b(von der stadt|bei der stadt|vo da stadt|with the city|from the city)|" +
        @"where (do i|to|should i) start|wo fang ich an|what (are|is) the (steps|next steps)|what do (i|we) need to do)\b" +
        @"|\b(ne(ler)? yapmal[ıi]y[ıi](m|z)|ne(ler)?i? yapmam[ıi]?z? (gerek|laz[ıi]m)\w*|neleri? halletme\w*|ilk (ne|önce|once|olarak)\b.*\byapmal\w*|ilk ne\b|" +
        @"nereden ba[şs]la\w*|ne yapaca[ğg][ıi]m|nelere dikkat\w*|yap[ıi]lmas[ıi] gereken\w*|(belediyede|belediyeye) ne\w*|neleri? bildirme\w*)\b" +
        @"|\b(що (\w+ ){0,2}(треба|потрібно|слід|необхідно|маю|маємо|мені|нам) (\w+ )?(зробити|оформити|залагодити|владнати|робити|подати)|що (тепер |далі )?робити|" +
        @"з чого (почати|починати)|что (\w+ ){0,2}(нужно|надо|следует|необходимо|должен|должна|должны) (\w+ )?(сделать|оформить|уладить|делать|подать)|" +
        @"что (теперь |дальше )?делать|с чего (начать|начинать))\b" +
        @"|" + ArabicWords.Start + @"(شو (لازم|بدي|بدنا|علي|عليّ|علينا) (أعمل|اعمل|نعمل|أخلّص|اخلص|أخلص|نخلص|نخلّص|أسوي|اسوي|نسوي)|ماذا (يجب|علي|عليّ|علينا) (أن )?(أفعل|" +
        @"افعل|نفعل)|" +
        @"شنو (لازم|خاص\w*) (أعمل|اعمل|نسوي|أسوي|ندير)|ايش لازم (أسوي|اسوي|أعمل)|إيش لازم (أسوي|أعمل)|من أين أبدأ|من اين ابدأ|من وين (ببلش|بلش|أبدأ)|منين (نبدأ|نبدا|أبدأ)|" +
        @"لازم (أعمل|اعمل|نعمل) إيه|المفروض (أعمل|اعمل) (ايه|إيه)|شو (لازم|بدي|بدنا) (أعمل|اعمل|نعمل) هلق)" + ArabicWords.End)]
    private static partial Regex Checklist();

    [GeneratedRegex(@"\b(ok|okay|pls|please|bitte|und|and|so|gut|passt|alles klar|jo|ja|yes|then|dann|noch|now|jetzt|jetz|mal|amoi|oamoi|" +
        @"а|і|и|ну|добре|гаразд|хорошо|ладно|ок|окей|будь ласка|пожалуйста|так|да|тепер|теперь)\b" +
        @"|" + ArabicWords.Start + @"(طيب|تمام|يلا|ماشي|طب|اوكي|أوكي|لو سمحت|من فضلك|هلق|هلأ|هلا)" + ArabicWords.End + @"|[^\p{L}\p{M}\s]")]
    private static partial Regex StepFiller();

    [GeneratedRegex(@"^(weiter|next|weida|nächster|naechster|nächster schritt|naechster schritt|next step|und dann|what'?s next|was kommt|was kommt dann|and then|" +
        @"then what|dann|go on|continue|fortfahren|nächste|weiter gehts|weiter geht'?s)$" +
        @"|^(devam|devam et|devam edelim|devam edin|sonraki|s[ıi]radaki|sonra ne|ve sonra|sonraki ad[ıi]m|s[ıi]radaki ad[ıi]m|sonra|peki sonra)$" +
        @"|^(далі|наступний|наступний крок|дальше|далее|следующий|следующий шаг|التالي|الخطوة التالية|تابع|متابعة)$" +
        @"|^(а далі|що далі|і далі|а потім|потім|що потім|наступне|продовжуй|а дальше|что дальше|и дальше|а потом|потом|что потом|продолжай|следующее)$" +
        @"|^(وبعدين|بعدين|و بعدين|بعد هيك|وبعد هيك|شو بعد|شو كمان|وبعدها|بعدها|كمل|كمّل|الخطوة الجاية|اللي بعدو|اللي بعده|الجاي)$")]
    private static partial Regex Next();

    [GeneratedRegex(@"\b(schritt|step|punkt|nummer|number|nr)\.?\s*(?<n>\d{1,2})\b" +
        @"|\b(ad[ıi]m|madde)\.?\s*(?<n>\d{1,2})\b|\b(?<n>\d{1,2})\.?\s*(ad[ıi]m|madde)\w*\b" +
        @"|\b(крок|шаг|пункт|الخطوة|خطوة|رقم)\s*(?<n>\d{1,2})\b")]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"\b(davon|davo|von den|von diesen|of (these|the|them|those)|schritte\w*|steps|things|punkte)\b.*\b(gilt|gelten|betreff\w*|apply|applies|" +
        @"relevant|brauch\w*|need|trifft|treffen|muss|müssen|have to)\b" +
        @"|\b(bu |bunlar|hangi)\w*\b.*\b(ad[ıi]m|madde|bunlar)\w*\b.*\b(ilgilendir\w*|ge[çc]erli\w*|gerekli\w*|laz[ıi]m|i[çc]in ge[çc]erli)" +
        @"|\b(bunlardan|adımlardan|ad[ıi]mlardan) hangi\w*" +
        @"|\b(з (цього|цих|них|решти|усього)|із (цього|цих|них|решти)|из (этого|этих|них|остальн\w*|всего))\b.*\b(стосу\w*|потрібн\w*|треба|касается|касаются|нужн\w*|" +
        @"относится|относятся|підходить|підходять|подходит|подходят)\b" +
        @"|" + ArabicWords.Start + @"(أي|اي|شو من|إيش من|ايش من|شنو من)" + ArabicWords.End + @".*(بيخص|بتخص|يخص|تخص|بيخصنا|بيخصني|ينطبق|تنطبق|بينطبق|بيلزمنا|يلزمني|يلزمنا)")]
    private static partial Regex WhichApply();

    [GeneratedRegex(@"\b(gestorben|verstorben|gstorbn|gstorm|died|passed away|has died|is dead|ist tot|is tot|gestorm|verschieden|entschlafen|tod meine[sr]|death of my)\b" +
        @"|\b(öld[üu]\w*|vefat\w*|hayat[ıi]n[ıi] kaybett\w*|rahmetli\w*)\b" +
        @"|\b(помер|померла|померли|загинув|загинула|не стало|умер|умерла|умерли|скончал\w*|погиб|погибла)\b" +
        @"|" + ArabicWords.Start + @"(توفي|توفى|توفيت|توفّي|مات|ماتت|الله يرحمه|الله يرحمها|رحمه الله|رحمها الله|انتقل إلى رحمة الله)" + ArabicWords.End)]
    private static partial Regex Died();

    [GeneratedRegex(@"\b(wenn|falls|if|in case|im fall)\b.*\b(sterbe|stirbt|dies|die)\b")]
    private static partial Regex Hypothetical();

    [GeneratedRegex(@"\b(angst|scared|afraid|fear|schulden|debt\w*|pleite|broke|verzweifel\w*|desperate|ausreisen|abgeschoben|deport\w*|nimma hi|nicht mehr zahlen|" +
        @"kann .* nicht (mehr )?zahlen|can'?t pay|cannot pay|reicht (hinten und vorne|nicht)|gewalt|violence|krank\w*|illness|sick|obdachlos|homeless|trauer\w*|grief)\b|!!!" +
        @"|\b(kork\w*|bor[çc]\w*|[çc]aresiz\w*|s[ıi]n[ıi]r d[ıi][şs][ıi]\w*|hasta\w*|evsiz\w*|[şs]iddet\w*|ödeyemiyorum|odeyemiyorum|ödeyemem|odeyemem)\b" +
        @"|\b(боюся|боюсь|страшно|борг\w*|долг(и|ов|ами)?|не можу (\w+ )?(платити|заплатити|оплатити)|не могу (\w+ )?(платить|заплатить|оплатить)|депорт\w*|вишлють|вышлют|" +
        @"насильств\w*|насили\w*|бездомн\w*|відчай|отчаян\w*|тяжело платить|важко платити)\b" +
        @"|" + ArabicWords.Start + @"(خايف|خايفة|أخاف|اخاف|خوف|ديون|دين|ما بقدر ادفع|ما بقدر أدفع|مش قادر ادفع|يطلعوني|يرحلوني|ترحيل|عنف|مشرد|تقيل كتير علينا)" + ArabicWords.End)]
    private static partial Regex DistressPattern();

    [GeneratedRegex(@"\b(kein\w*|nicht|ned|no|not|without|ohne|don'?t|haven'?t|never|nie)\b" +
        @"|\b(de[ğg]il\w*|yok|hi[çc])\b" +
        @"|\b(не|ні|нема\w*|немає|без|нет|нету)\b" +
        @"|" + ArabicWords.Start + @"(ما|مش|مو|موش|لا|بدون|ليس|ماني|مانا|غير)" + ArabicWords.End)]
    private static partial Regex Negation();

    /// <summary>A negation after the thing, as Russian and Ukrainian say it ("машины нет", "дітей немає").</summary>
    [GeneratedRegex(@"^\s*(нет|немає|нема|не маємо|не имеем)\b")]
    private static partial Regex NegatedAfter();

    /// <summary>Where a clause ends: a negation before it does not reach the word after.</summary>
    [GeneratedRegex(@"[,;.!?]|\b(aber|but|und|and|oder|or)\b")]
    private static partial Regex Clause();

    /// <summary>"… licence is at home": not among what was lost.</summary>
    [GeneratedRegex(@"^\w+\s+(is|ist|was|war|liegt|lies)\s+(still )?(at home|daheim|zu ?hause|dahoam|noch da)")]
    private static partial Regex AtHome();

    [GeneratedRegex(@"\b(auto\w*|car|cars|fahrzeug\w*|golf|motorrad|motorbike|motorcycle|kfz|pkw|wagen)\b" +
        @"|\b(araba\w*|ara[çc]\w*|otomobil\w*|oto)\b" +
        @"|\b(машин\w*|авто|автівк\w*|автомобіл\w*|автомобил\w*)\b" +
        @"|" + ArabicWords.Start + @"(سيارة|سيارتي|عربية|عربيتي|سيارات)" + ArabicWords.End)]
    private static partial Regex Car();

    [GeneratedRegex(@"\b(hund\w*|dog|dogs|zamperl|welpe|puppy)\b" +
        @"|\b(k[öo]pe[kğg]\w*)\b" +
        @"|\b(собак\w*|пес|песик|пса|цуценя|щенок)\b" +
        @"|" + ArabicWords.Start + @"(كلب|كلبي|كلاب)" + ArabicWords.End)]
    private static partial Regex Dog();

    [GeneratedRegex(@"\b(kind|kinder|kids?|child|children|sohn|tochter|son|daughter|buam|bua|madl|baby)\b" +
        @"|\b([çc]ocu[kğg]\w*|cocu[kg]\w*|o[ğg]lum|k[ıi]z[ıi]m|bebe[kğg]\w*)\b" +
        @"|\b(дит\w*|діт\w*|син|сина|синок|синочок|доньк\w*|дочк\w*|дочь|ребён\w*|ребен\w*|сын|сына|сынок|дет\w*|малюк\w*|малыш\w*)\b" +
        @"|" + ArabicWords.Start + @"(طفل\w*|أطفال|اطفال|ابني|ابنى|بنتي|ولادي|أولادي|اولادي|ولد|بيبي)" + ArabicWords.End)]
    private static partial Regex Children();

    [GeneratedRegex(@"\b(zweitwohnung|nebenwohnung|second home|second flat|zweiter wohnsitz|nebenwohnsitz)\b")]
    private static partial Regex SecondHome();

    [GeneratedRegex(@"\b(visum|visa|aufenthaltstitel|aufenthaltserlaubnis|drittstaat\w*|non-eu|nicht aus der eu|outside the eu|residence permit|work permit)\b")]
    private static partial Regex NonEu();

    [GeneratedRegex(@"\b(führerschein|fuehrerschein|licence|license|fahrerlaubnis|lappen|lappn)\b")]
    private static partial Regex Licence();

    [GeneratedRegex(@"\b(eigentümer\w*|eigentum|owner|own (a|the|my|our) (house|flat|home)|gehört (mir|uns)|grundstück)\b")]
    private static partial Regex Owner();

    [GeneratedRegex(@"\b(unverheiratet|unmarried|ledig|verheiratet|married|verheirat)\b" +
        @"|\b(розписан\w*|одружен\w*|неодружен\w*|заміжн\w*|у шлюбі|в шлюбі|расписан\w*|женат\w*|замужем|в браке|не в браке)\b" +
        @"|" + ArabicWords.Start + @"(متزوج\w*|مجوز\w*|متجوز\w*)" + ArabicWords.End)]
    private static partial Regex Married();

    [GeneratedRegex(@"^(unverheiratet|unmarried|ledig|неодружен\w*|не в браке)$")]
    private static partial Regex Unmarried();

    [GeneratedRegex(@"\b(heute|heit|today|tonight|сьогодні|сегодня)\b" +
        @"|" + ArabicWords.Start + @"(اليوم|هاليوم)" + ArabicWords.End)]
    private static partial Regex Today();

    [GeneratedRegex(@"\b(morgen|morgn|tomorrow|завтра)\b" +
        @"|" + ArabicWords.Start + @"(بكرا|بكرة|بكره|غدا|غدًا|غداً|بُكرة)" + ArabicWords.End)]
    private static partial Regex Tomorrow();

    [GeneratedRegex(@"\b(montag|monday|dienstag|tuesday|eritag|mittwoch|wednesday|midwoch|donnerstag|thursday|pfinztag|freitag|friday|samstag|saturday|samstog|sonnabend|" +
        @"sonntag|sunday|sunnta|понеділ\w*|вівтор\w*|серед[аиуі]|четвер\w*|п['’]ятниц\w*|субот\w*|неділ\w*|понедельник\w*|вторник\w*|сред[ауые]|четверг\w*|пятниц\w*|" +
        @"суббот\w*|воскресень\w*)\b" +
        @"|" + ArabicWords.Start + @"(الاثنين|الإثنين|اثنين|التلات|الثلاثاء|الأربعاء|الاربعاء|الاربعا|الخميس|الجمعة|الجمعه|السبت|الأحد|الاحد|الحد)" + ArabicWords.End)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordPattern();
}
