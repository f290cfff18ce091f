using System.Text.RegularExpressions;

namespace MucGov.Conversation.Bot;

/// <summary>
/// The aspect of a service a citizen asks about ("was kostet der?", "how long does it take?", "wo is des?"), in
/// German, English and Bavarian, and whether a message is a follow-up on the chat's topic (it names an aspect and
/// nothing else of substance: "Und was kostet der?") rather than a new question ("Was kostet ein Führungszeugnis?").
/// </summary>
public static partial class Aspects
{
    public const string Overview = "overview";
    public const string Fees = "fees";
    public const string Documents = "documents";
    public const string ProcessingTime = "processing-time";
    public const string Online = "online";
    public const string Appointment = "appointment";
    public const string Where = "where";
    public const string OpeningHours = "opening-hours";
    public const string Responsible = "responsible";
    public const string LegalBasis = "legal-basis";
    public const string Related = "related";
    public const string Deadline = "deadline";

    // Order matters: the first that matches wins ("wie lange hat das offen" is about opening hours, not processing time).
    private static readonly (string Aspect, Regex Pattern)[] Patterns =
    [
        (Related, RelatedPattern()),
        (OpeningHours, OpeningPattern()),
        (LegalBasis, LegalPattern()),
        (Fees, FeesPattern()),
        (Online, InTheChatPattern()),
        (Deadline, DeadlinePattern()),
        (ProcessingTime, DurationPattern()),
        (Online, OnlinePattern()),
        (Appointment, AppointmentPattern()),
        (Documents, DocumentsPattern()),
        (Responsible, ResponsiblePattern()),
        (Where, WherePattern()),
    ];

    /// <summary>The aspects a short answer exists for (an ellipsis "und für X?" asks the same of something else).</summary>
    public static readonly IReadOnlySet<string> Answerable = new HashSet<string>
    {
        Fees, Documents, ProcessingTime, Online, Appointment, Where, OpeningHours, Responsible, LegalBasis, Deadline,
    };

    /// <summary>The aspect a message asks about, or null.</summary>
    public static string? Of(string lower) => Patterns.FirstOrDefault(p => p.Pattern.IsMatch(lower)).Aspect;

    /// <summary>
    /// A question whether the topic works in the citizen's case ("ihr Papa kann nicht mitkommen, geht das trotzdem?"):
    /// about the chat's topic whatever else it names; its documents say what a special case needs.
    /// </summary>
    public static bool IsCondition(string lower) => ConditionPattern().IsMatch(lower);

    [GeneratedRegex(@"\b(geht (das|des|es) trotzdem|trotzdem|even if|still (ok|okay|possible|work)|anyway|was passiert,? wenn|wos passiert,? wenn|what happens if|what if)\b" +
        @"|\b(bu durumda|o durumda|yine de|olsa bile|olursa ne olur|ise ne olur)\b")]
    private static partial Regex ConditionPattern();

    /// <summary>
    /// The message without the words that ask for <paramref name="aspect"/> — what it asks about ("what does the pickup
    /// cost?" searches "pickup", not the school transport costs); the message itself when nothing else is left, and for
    /// the online and the responsible aspect.
    /// </summary>
    public static string Without(string aspect, string lower)
    {
        // The words of going online or by post often are what the service is ("per Post wählen" is the postal vote), and
        // those of whom to call the general enquiry ("Bürgertelefon").
        var pattern = aspect is Online or Responsible ? null : Patterns.FirstOrDefault(p => p.Aspect == aspect).Pattern;
        var rest = pattern is null ? lower : pattern.Replace(lower, " ");
        return Substance().IsMatch(Filler().Replace(rest, " ")) ? rest : lower;
    }

    /// <summary>
    /// True when, apart from the aspect's words and the little words of a follow-up (pronouns, "und", "auch" …), the
    /// message names nothing: then it is about the chat's topic.
    /// </summary>
    public static bool IsFollowUp(string lower)
    {
        var rest = Filler().Replace(AspectWords().Replace(lower, " "), " ");
        return !Substance().IsMatch(rest);
    }

    [GeneratedRegex(@"\b(f(ü|ue|i)a?r?\s+(mein(e|en)?|unser(e|en)?|a|an|mei|insa)\s+(kind|kinder|kids?|sohn|tochter|buam|bua|madl|dirndl|baby|kleine[nr]?)|f(ü|u)r kinder|" +
        @"for (my|our|a) (child|children|kid|kids|son|daughter|baby)|for children|fia (mein|de|d') ?kinder)\b" +
        @"|\b(çocu[ğg]um|cocugum|o[ğg]lum|k[ıi]z[ıi]m|bebe[ğg]im|bebegim|çocuklar[ıi]m|çocuklar|cocuklar) i[çc]in\b" +
        @"|\b(для|на) (мо\w+ |на\w+ )?(доньк\w*|дочк\w*|дочер\w*|сина|сыну?|дитин\w*|діт\w*|ребён\w*|ребен\w*|дет\w*|малюк\w*|малыш\w*)\b" +
        @"|" + ArabicWords.Start + @"(لابني|لابنى|لبنتي|لابنتي|للطفل|للاطفال|للأطفال|لولادي|لأولادي|لاولادي|للبيبي|لطفلي)" + ArabicWords.End)]
    private static partial Regex RelatedPattern();

    [GeneratedRegex(@"\b(offen|geöffnet|geoeffnet|öffnungszeit\w*|oeffnungszeit\w*|aufgsperrt|auf\s*gsperrt|sperrn?\s+(de|die)\s+auf|zua|open|opening hours|" +
        @"closed|geschlossen|hat .* auf|hams .* auf|wann (macht|machen|hat|haben)\b.*\bauf)\b" +
        @"|\b(a[çc][ıi]k m[ıi]\w*|a[çc][ıi]k(lar|t[ıi]r)?|a[çc][ıi]l[ıi]yor\w*|ka[çc]ta a[çc]\w*|ka[çc]ta kapan\w*|[çc]al[ıi][şs]ma saat\w*|mesai saat\w*|" +
        @"a[çc][ıi]l[ıi][şs] saat\w*|kapal[ıi]\w*|hangi saatlerde|saat ka[çc]ta)\b" +
        @"|\b(відчинен\w*|відкрит\w*|години роботи|графік роботи|зачинен\w*|открыт\w*|часы работы|график работы|закрыт\w*|مفتوح\w*|ساعات العمل|مواعيد العمل|" +
        @"مغلق\w*|متى يفتح\w*)" +
        @"|\b(працю(є|ють)|працюєте|до котрої|о котрій (відчиня|зачиня)\w*|відчиня\w*|зачиня\w*|работа(ет|ют|ете)|до скольки|во сколько (открыва|закрыва)\w*|" +
        @"открыва\w*|закрыва\w*|приёмные часы|часы приёма|часы приема|години прийому)\b" +
        @"|" + ArabicWords.Start + @"(مفتوح\w*|فاتح\w*|مسكر\w*|مقفول\w*|دوام|الدوام|مواعيد الدوام|" +
        @"ساعات الدوام|بيفتح\w*|يفتح\w*|بيسكر\w*|يسكر\w*|بتفتح\w*|تفتح\w*)" + ArabicWords.End)]
    private static partial Regex OpeningPattern();

    [GeneratedRegex(@"\b(rechtsgrundlage|gesetzliche grundlage|grundlage|gesetz|paragraph|paragraf|legal basis|law|statute|grundlag)\b|§" +
        @"|\b(yasal dayana\w*|yasal temel\w*|hukuki dayana\w*|kanun\w*|yasa|yasaya|yasas[ıi]|mevzuat\w*|hangi yasa\w*)\b" +
        @"|\b(закон\w*|параграф\w*|правов\w* (підстав|основ)\w*|на підставі|на основании|стать[яиі] закон\w*|юридичн\w* підстав\w*)" +
        @"|" + ArabicWords.Start + @"(قانون\w*|القانون|قانوني\w*|الأساس القانوني|اساس قانوني|أساس قانوني|بأي قانون|أي قانون|اي قانون)" + ArabicWords.End)]
    private static partial Regex LegalPattern();

    [GeneratedRegex(@"\b(kost\w*|gebühr\w*|gebuehr\w*|preis\w*|teuer|cost\w*|fees?|price|charge\w*|how much|wie ?viel|wie hoch|how high|wos kost|umsonst|gratis|free)\b" +
        @"|\b(ücret\w*|ucret\w*|ne kadar(?!\s*(s[üu]r|zaman|vakit|bekle|erken|ge[çc]))|ka[çc] (para|euro|avro|lira)|fiyat\w*|masraf\w*|har[çc]\w*|bedava|" +
        @"paral[ıi] m[ıi]\w*|tutar\w*|maliyet\w*|öde\w*|ode(me|yecek|mem|yor)\w*|ödü\w*|odu(yor|yoruz)\w*|para (ver|al)\w*|ücretli|ucretli)\b" +
        @"|\b(скільки кошту\w*|вартість|вартост\w*|плат(а|и|у|ою|і|ний|на|не|но)\b|збір|збору|мит\w*|безкоштовн\w*|" +
        @"сколько сто\w*|стоимост\w*|пошлин\w*|бесплатн\w*|цін\w*|цен\w*|" +
        @"كم (يكلف|تكلف|سعر|الرسوم)\w*|رسوم|الرسوم|تكلفة|التكلفة|سعر|مجان\w*)" +
        @"|\b(скільки\b.{0,30}\b(податок|збір|плата|мито|внесок)|сколько\b.{0,30}\b(налог|сбор|плата|пошлина|взнос)|кошту(є|ють|вало|ватиме)|" +
        @"(что|что-то|что-нибудь|это) (\w+ )?стоит|стоит (ли )?(что-то|денег)|платна|платний|платне|" +
        @"скільки (\w+ ){0,2}кошту\w*|сколько (\w+ ){0,2}сто(ит|ят|ить)|скока (\w+ )?сто(ит|ят)|скільки (\w+ )?(треба |потрібно )?(за)?платити|" +
        @"сколько (\w+ )?(надо |нужно )?(за)?платить|по чому|почём|почем|платно|платн(а|ий|е)|безплатн\w*|цін[аиу]|ціна|цена|цену|ціну)\b" +
        @"|" + ArabicWords.Start + @"(كم (بتكلف|بيكلف|يكلف|تكلف|سعر\w*|ثمن\w*|الرسوم|رسوم|تبلغ|الكلفة|التكلفة|ادفع|أدفع|بدفع|بندفع|حقها|حقه)|بكام|بكم|قديش(?!\s*(بياخد|" +
        @"بتاخد|بياخذ|ياخد|" +
        @"ياخذ|" +
        @"تاخد|تاخذ|بدها وقت|بدو وقت|وقت|لازم (أنتظر|انتظر|استنى)|لحتى|لحد|بيطول|بتطول))|شكد(?!\s*(ياخذ|ياخد|تاخذ|تاخد|وقت|لازم (أنتظر|انتظر)|لحد|يطول))|" +
        @"شحال(?!\s*(د ?الوقت|ديال الوقت|كياخد|كتاخد))|قداش|ببلاش|مجانا|مجاني\w*|بفلوس|بمصاري|مصاري|فلوس|الكلفة|كلفة|التكاليف|تكاليف|سعرها|سعره|" +
        @"الرسم|رسم|بتكلف|بيكلف|تكلف|يكلف|كتكلف)" + ArabicWords.End)]
    private static partial Regex FeesPattern();

    [GeneratedRegex(@"\b(wie ?lang\w*|wia ?lang\w*|dauer\w*|how long|take[s]? long|gleich|glei|sofort|straight away|immediately|right away|on the spot|" +
        @"wann (ist|is|bekomm|krieg|kriag)\w*|bis wann|ab wann|wie früh|wia früh|how early|how soon|frühestens|spätestens|earliest|latest|deadline|" +
        @"(gibt es|gibt's|gibts|is there|any) (eine |a )?(frist|deadline)|welche frist|schnell\w*|faster|quicker|express|eilig|urgent|dringend|processing time|fertig|status|" +
        @"(nichts|nix|nie) (mehr )?gehört|haven'?t heard|no news|still waiting|immer noch (nichts|nix))\b" +
        @"|\b(ne kadar s[üu]r\w*|ne kadar zaman|ne kadar vakit|ka[çc] g[üu]n\w*|ka[çc] hafta\w*|ka[çc] ay\w*|ne zaman (haz[ıi]r|biter|gelir|[çc][ıi]kar|" +
        @"elime)\w*|i[şs]lem s[üu]re\w*|bekleme s[üu]re\w*|h[ıi]zl[ıi]\w*|acil\w*|ekspres|hemen|haber (alamad|yok)\w*|hala bekli\w*|hâlâ bekli\w*|" +
        @"ne zaman (haber|cevap|yan[ıi]t|d[öo]n[üu][şs]|sonu[çc])\w*|" +
        @"haber ver\w*|ne kadar s[üu]rede)\b" +
        @"|\b(скільки (часу|триває|чекати)\w*|як довго|термін розгляду|скільки (времени|ждать|длится)\w*|сколько времени|как долго|срок\w* (рассмотрения|" +
        @"оформления)|كم (يستغرق|تستغرق|من الوقت)|المدة|مدة المعالجة|متى (يجهز|سيكون جاهز)\w*)" +
        @"|\b(скільки\b.{0,25}\b(часу|чекати|триває|займ\w*|робиться|роблять|виготовля\w*|розгляда\w*)|як (довго|швидко)|через скільки|за скільки (днів|тижнів|місяців)|" +
        @"коли\b.{0,25}\b(готов\w*|отрима\w*|дають|відповід\w*|приїд\w*|прийд\w*|розподіля\w*|видад\w*|буде)|одразу|відразу|зразу|терміново|швидше|" +
        @"сколько\b.{0,25}\b(времени|ждать|длится|делается|делают|займ\w*|идёт|идет|изготавлива\w*|рассматрива\w*)|как (долго|быстро)|через сколько|" +
        @"за сколько (дней|недель|месяцев)|когда\b.{0,25}\b(готов\w*|получ\w*|дают|ответ\w*|приед\w*|придут|распределя\w*|выдад\w*|будет)|сразу|срочно|" +
        @"быстрее|ничего не слышно|нічого не чути|ніхто не відповіда\w*|никто не отвеча\w*)" +
        @"|" + ArabicWords.Start + @"(كم (يستغرق|تستغرق|بياخد|بتاخد|ياخذ|تاخذ|يوم|أسبوع|اسبوع|شهر)|قديش (بياخد|بتاخد|بياخذ|ياخد|ياخذ|تاخد|تاخذ|بدها وقت|بدو وقت|وقت|بيطول|بتطول)|" +
        @"قديش لازم (أنتظر|انتظر|استنى)|شكد (ياخذ|ياخد|تاخذ|تاخد|وقت|يطول|لازم (أنتظر|انتظر))|شحال (د ?الوقت|ديال الوقت)|تستغرق|يستغرق|المدة|مدة|" +
        @"فور[اًا]?|فورًا|على طول|بنفس اليوم|بسرعة|مستعجل\w*|عاجل|متى (يجهز|بيجهز|تجهز|بتجهز|تطلع|بتطلع|يطلع|بيطلع|يوصل|بيوصل|يردوا|بيردوا|بيجوا|يجوا)|" +
        @"لحتى (يوصل|توصل|تطلع|يطلع)|لحد ما (يجون|يجوا|يوصل)|ما حدا رد\w*|محد رد\w*|ولا رد|ما في رد|ما رد\w* علي\w*)" + ArabicWords.End)]
    private static partial Regex DurationPattern();

    /// <summary>By when it must be done, or how long one may wait ("is there a deadline?", "wie lange darf ich noch fahren?").</summary>
    [GeneratedRegex(@"\b((gibt es|gibt's|gibts|is there|any) (eine |a )?(frist|deadline)|welche frist|deadline|bis wann muss|by when|" +
        @"wie ?viel zeit (hab|habe|haben|hat)\w*|how (much time|long) do (i|we) have|wie lange? (darf|kann|muss) (ich|man|wir)\b.*\bnoch|" +
        @"ab wann (geht|kann)|frühestens|spätestens|at the latest|earliest)\b" +
        @"|\b(son tarih\w*|ne zamana kadar|en ge[çc]|en erken|ka[çc] g[üu]n i[çc]inde)\b" +
        @"|\b(до якого (числа|терміну|строку)|кінцев\w* термін\w*|крайн\w* (термін|строк|срок)\w*|в який строк|протягом якого|є (якийсь )?(строк|термін)|" +
        @"до какого (числа|срока)|в какой срок|в течение какого|есть (ли )?(какой-то )?срок)\b" +
        @"|" + ArabicWords.Start + @"(مهلة|المهلة|آخر موعد|اخر موعد|آخر مهلة|خلال كم|لغاية إيمتى|لحد امتى|لحد إمتى)" + ArabicWords.End)]
    private static partial Regex DeadlinePattern();

    [GeneratedRegex(@"\b(online|internet|digital|im chat|hier im chat|do im chat|in the chat|bei dir|bei ihnen|with you|" +
        @"vo(n)? (zu ?hause|daheim|dahoam)|from home|per post|by post|persönlich hin|in person|aufs amt|muss ich (da )?hin|muas i (do )?hi)\b" +
        @"|\b(internetten|internet üzerinden|internet uzerinden|[çc]evrimi[çc]i|online olarak|posta ile|postayla|[şs]ahsen|bizzat|gitmem (gerek\w* mi|" +
        @"laz[ıi]m m[ıi]|[şs]art)\w*|gitmek zorunda\w*)\b" +
        @"|\b(онлайн|онлайні|через інтернет|через интернет|в інтернеті|в интернете|поштою|по почте|особисто|лично|дистанційно|дистанционно|з дому|из дома)\b" +
        @"|" + ArabicWords.Start + @"(أونلاين|اونلاين|أون لاين|اون لاين|أونلاين|عبر الإنترنت|" +
        @"عبر الانترنت|ع النت|على النت|بالبريد|شخصي[اًا]?|بالانترنت|بالإنترنت|(وأنا|وانا) (بالبيت|في البيت))" + ArabicWords.End)]
    private static partial Regex OnlinePattern();

    /// <summary>Doing it right here or online — before "gleich" of the processing time ("Ko i den glei do im Chat anmeldn?").</summary>
    [GeneratedRegex(@"\b(im chat|hier im chat|do im chat|in the chat|in this chat|schriftlich|in writing|by letter|per brief)\b" +
        @"|\b(bu sohbet\w*|sohbette|buradan (yap|ba[şs]vur)\w*|yaz[ıi]l[ıi] olarak|mektupla)\b" +
        @"|\b(у (цьому )?чаті|в (этом )?чате|письмово|письменно|тут у чаті|прямо тут)\b" +
        @"|" + ArabicWords.Start + @"(بالشات|بالدردشة|هون بالشات|كتابي[اًا]?|خطي[اًا]?)" + ArabicWords.End)]
    private static partial Regex InTheChatPattern();

    // Whether one is needed — not every mention ("I can't get any appointment" is no question about needing one).
    [GeneratedRegex(@"\b((brauch\w*|need\w*|muss ich|muss man|müssen wir|miass ma|muas i|must i|do i have to|have to)\b.*\b(termin\w*|appointment\w*)|" +
        @"(termin\w*|appointment\w*)\b.*\b(nötig|notwendig|erforderlich|required|needed|necessary|pflicht)|" +
        @"walk[- ]in|ohne anmeldung|ohne termin|without (an )?appointment|einfach (hin|vorbei)\w*)\b" +
        @"|\b(randevu\w*|termin (al|[şs]art|gerek|laz[ıi]m)\w*)\b" +
        // "записати дитину до школи" enrols a child: only signing up for a visit is an appointment.
        @"|\b(запис\w* на прийом|термін\w*|запис\w* на прием|записатися|записуватися|записатись|записуватись|записаться|записываться|запис на|запись на|" +
        @"потрібен запис|нужна запись|термин\w*|просто прийти|без запис\w*)" +
        @"|" + ArabicWords.Start + @"(موعد\w*|ميعاد\w*|مواعيد|بدون موعد|من غير موعد|أحجز موعد|احجز موعد)" + ArabicWords.End)]
    private static partial Regex AppointmentPattern();

    // "Brauch i do an Sehtest?", "geht das trotzdem?" (a condition, which the documents name) ask about the documents too.
    [GeneratedRegex(@"\b(unterlagen|dokumente?|papiere|mitbring\w*|mitbringa|bring\w*|need to bring|documents?|docs|papers|was brauch\w*|wos brauch\w*|" +
        @"vorleg\w*|vorzeig\w*|einreich\w*|mitschick\w*|mitnehm\w*|need to show|show them|trotzdem|even if|still possible)\b|" +
        @"^\s*(brauch\w*|benötig\w*) (i|ich|ma|man|mer|wir) (do|da|dafür|dafia) (an|a|einen|eine|ein|nen|ne)\b" +
        @"|\b(belgeler\w*|hangi belge\w*|ne(ler)? belge\w*|belge (gerek|laz[ıi]m)\w*|evrak\w*|dok[üu]man\w*|ka[ğg][ıi]t\w*|neler? (gerek|laz[ıi]m)\w*|" +
        @"ne(ler)? getir\w*|ne(ler)? g[öo]t[üu]r\w*|yan[ıi]mda\w*|ibraz\w*|" +
        @"getirmem\w*|g[öo]t[üu]rmem\w*|nelere ihtiya\w*|neye ihtiya\w*)\b" +
        @"|\b(документ\w*|довідк\w*|папер\w*|що (взяти|потрібно взяти|принести)|что (взять|нужно взять|принести)|справк\w*|бумаг\w*|وثائق|الوثائق|مستندات|" +
        @"المستندات|أوراق|الأوراق|ماذا (أحضر|احضر)\w*)" +
        @"|\b(що (\w+ )?(треба|потрібно|слід|необхідно) (\w+ )?(взяти|принести|подати|мати|показати|пред'явити)|що (для \w+ )?(треба|потрібно|необхідно)\W*$|" +
        @"що для \w+ (треба|потрібно)|що потрібно для|що треба для|что (\w+ )?(нужно|надо|необходимо) (\w+ )?(взять|принести|подать|иметь|показать|предъявить)|" +
        @"что (для \w+ )?(нужно|надо|необходимо)\W*$|что для \w+ (нужно|надо)|что нужно для|что надо для|какие (нужны )?документ\w*|які (потрібні )?документ\w*)" +
        @"|" + ArabicWords.Start + @"(ورق|الورق|أوراق|اوراق|الاوراق|مستندات|المستندات|وثائق|الوثائق|الأوراق المطلوبة|الاوراق المطلوبة|المطلوب|شو (لازم|بدي|بدنا) (جيب|أجيب|" +
        @"اجيب|قدم|قدّم|" +
        @"أقدم|اقدم)|" +
        @"(أجيب|اجيب|جيب|نجيب) (معايا|معي|معاي|معنا)|إيه المطلوب|ايه المطلوب|شنو المطلوب|شو المطلوب|ايش المطلوب|محتاجين ورق|شو بحتاج|شو لازم قدّم)" + ArabicWords.End)]
    private static partial Regex DocumentsPattern();

    [GeneratedRegex(@"\b(telefon\w*|nummer|phone|anrufen|call them|kontakt|contact|zuständig\w*|zustaendig\w*|" +
        @"wer (macht|kümmert|bearbeitet)\w*|welche[sr]? (amt|stelle|behörde)|responsible|which office|who (handles|does))\b" +
        @"|\b(telefon\w*|numara\w*|ileti[şs]im\w*|hangi (daire|birim|kurum|ofis|makam|büro|buro)\w*|kim (ilgilen|bak)\w*|sorumlu\w*|yetkili\w*|aray(ab|ay)\w*)\b" +
        @"|\b(хто (\w+ )?(займається|відповідає|вирішує|опрацьовує)|який (відділ|орган|офіс)|яка (установа|служба)|кто (\w+ )?(занимается|отвечает|решает|рассматривает)|" +
        @"какой (отдел|орган)|какое (ведомство|учреждение)|телефон\w*|номер телефон\w*|зателефонувати|подзвонити|позвонить|контакт\w*)\b" +
        @"|" + ArabicWords.Start + @"(مين (المسؤول|مسؤول|بيهتم|بيتابع)|من المسؤول|الجهة المسؤولة|" +
        @"أي (جهة|مكتب|دائرة)|رقم (تلفون|هاتف|للتواصل)|رقم|تلفون|هاتف|اتصل\w*|تواصل)" + ArabicWords.End)]
    private static partial Regex ResponsiblePattern();

    [GeneratedRegex(@"\b(wo (ist|is|sind|san|find\w*|muss ich hin|muas i hi|sitz\w*)|where (do|should|must) i (have to )?go|" +
        @"wohin|adresse|address|anfahrt|hinkomm\w*|(welche[rns]?|which|what|mit der|mit dem|mim|with the|by) (u-?bahn|s-?bahn|tram|bus|line|linie)|" +
        @"barrierefrei|rollstuhl|(?<=\b(gibt'?s|gibts|gibt es)\b.*)\bauch in|is there (one|an? \w+) in|" +
        @"wheelchair|step-?free|where (is|are|do i go)|where's|how (do i )?get there|where (do|can|could) (i|we) (get|pick up|collect) (it|them|the))\b" +
        @"|\b(nerede\w*|nerde\w*|nereye gi(d|t)\w*|nas[ıi]l gid\w*|hangi adres\w*|adres\w*|(hangi|ka[çc] numaral[ıi]) (metro|otob[üu]s|tramvay|hat|u-?bahn|" +
        @"s-?bahn)\w*|engelli (giri[şs]|eri[şs]im)\w*|tekerlekli sandalye\w*|asans[öo]r\w*)\b" +
        @"|\b(де (це|знаходиться|знаходяться)\w*|куди (йти|іти|звертатися)\w*|адрес\w*|где (это|находится|находятся)\w*|куда (идти|обращаться)\w*|أين (يقع|تقع|" +
        @"أذهب|اذهب)\w*|العنوان|عنوان)" +
        @"|\b(де\b|куди\b|як (доїхати|дістатися|потрапити)|інвалідн\w* (віз\w*|крісл\w*)|без сходин\w*|где\b|куда\b|как (доехать|добраться|попасть)|" +
        @"инвалидн\w* коляск\w*|без ступен\w*|пандус\w*|(дитяч\w* )?візоч\w*|(детск\w* )?коляск\w*)" +
        @"|" + ArabicWords.Start + @"(وين\w*|فين\w*|أين|اين|عنوان\w*|العنوان|كيف (بوصل|أوصل|اوصل|نوصل)|كرسي متحرك|الكرسي المتحرك|مدخل\w*|مكانه|مكانها|موقع\w*)" + ArabicWords.End)]
    private static partial Regex WherePattern();

    /// <summary>Every word any aspect pattern matches, to find what else a message says.</summary>
    [GeneratedRegex(@"\b(was|wos|what|wie|wia|how|wo|where|wann|when|welche[sr]?|which|who|wer|kost\w*|gebühr\w*|preis\w*|teuer|zahl\w*|cost\w*|fees?|price|much|viel|" +
        @"lang\w*|long|dauer\w*|take[s]?|fertig|online|internet|digital|termin\w*|appointment\w*|unterlagen|dokumente?|papiere|mitbring\w*|bring\w*|documents?|papers|" +
        @"zuständig\w*|responsible|office|amt|stelle|adresse|address|offen|geöffnet|open\w*|closed|geschlossen|auf|zua|heute|heit|morgen|morgn|" +
        @"tomorrow|today|heut|sitz\w*|docs|" +
        @"rollstuhl|wheelchair|barrierefrei|stufen|steps|accessible|accesible|kommt|komm|rein|hin|times|hours|zeiten|gleich|glei|sofort|straight|away|" +
        @"rechtsgrundlage|grundlage|grundlag|gesetz|law|legal|basis|need|brauch\w*|vorleg\w*|vorzeig\w*|einreich\w*|mitschick\w*|mitnehm\w*|show|trotzdem|even|" +
        @"possible|still|früh|frühestens|spätestens|early|soon|earliest|latest|deadline|frist\w*|schnell\w*|faster|quicker|express|status|heard|gehört|nix|" +
        @"telefon\w*|nummer|phone|anrufen|call|kontakt|contact|schriftlich|writing|letter|brief|" +
        @"kannt|kann|konn|ko|can|could|mach\w*|do|done|erledig\w*|beantrag\w*|antrag\w*|apply|" +
        @"application|bestell\w*|order|get|bekomm\w*|krieg\w*|kriag\w*|hin|hingehen|there|go|dauert?'?s?|hoch|high|much|it|one|ones|that|those|" +
        @"montag|dienstag|mittwoch|donnerstag|freitag|samstag|samstog|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|nachmittag|vormittag|" +
        @"afternoon|morning|abend|evening|am|on|" +
        @"kind|kinder|kids?|child\w*|sohn|son|tochter|daughter|buam|bua|madl|dirndl|baby|kleine[nr]?|" +
        @"monat\w*|woche\w*|tag\w*|days?|weeks?|months?|jahr\w*|years?|erst|zwei|drei|vier|fünf|two|three|four|five|geld|göd|money|warten|wait\w*)\b" +
        @"|\b(ne|neler|nas[ıi]l|nerede|nerde|nereye|nereden|hangi|kim|ka[çc]|ka[çc]a|kadar|ücret\w*|ucret\w*|fiyat\w*|masraf\w*|har[çc]\w*|para\w*|tutar\w*|" +
        @"tut\w*|s[üu]r\w*|zaman|vakit|g[üu]n\w*|hafta\w*|ay|ayda|belge\w*|evrak\w*|dok[üu]man\w*|getir\w*|g[öo]t[üu]r\w*|yan[ıi]mda|randevu\w*|posta\w*|" +
        @"olmal[ıi]|hemen|haber|veriyor\w*|verir\w*|verecek\w*|veril\w*|termin|online|" +
        @"internet\w*|adres\w*|a[çc][ıi]k\w*|kapal[ıi]\w*|saat\w*|gerek\w*|laz[ıi]m|[şs]art|zorunlu\w*|telefon\w*|numara\w*|yasa\w*|kanun\w*|dayana\w*|haz[ıi]r|" +
        @"biter|[çc][ıi]kar|h[ıi]zl[ıi]|acil|bug[üu]n|yar[ıi]n|pazartesi|sal[ıi]|[çc]ar[şs]amba|per[şs]embe|cuma|cumartesi|pazar|sabah|ö[ğg]leden|ogleden|" +
        @"ak[şs]am|[çc]ocu\w*|cocu\w*|bebe\w*|alma\w*|alabil\w*|al[ıi]n\w*|al[ıi]r|öde\w*|ode\w*|ba[şs]vur\w*|yap\w*|git\w*|gid\w*|iste\w*|bekle\w*|" +
        @"peki|o|bu|onu|bunu|i[çc]in|mi|m[ıi]|mu|mü|var|yok)\b" +
        @"|\b(скільки|кошту\w*|вартість|вартост\w*|плат\w*|збір|безкоштовн\w*|сколько|сто\w*|стоимост\w*|пошлин\w*|бесплатн\w*|час\w*|триває|чекати|долго|" +
        @"довго|времени|ждать|длится|срок\w*|документ\w*|довідк\w*|справк\w*|папер\w*|бумаг\w*|взяти|взять|принести|запис\w*|прийом\w*|прием\w*|термін\w*|де|" +
        @"где|куди|куда|адрес\w*|відчинен\w*|відкрит\w*|открыт\w*|години|часы|роботи|работы|а|і|и|це|это|що|что|як|как|це|мені|мне|потрібно|нужно|треба|надо|" +
        @"كم|يكلف|تكلف|الرسوم|رسوم|تكلفة|سعر|يستغرق|الوقت|المدة|وثائق|الوثائق|مستندات|أوراق|موعد\w*|أين|العنوان|مفتوح\w*|ساعات|العمل|و|هل|ما|ماذا|أحتاج|" +
        @"احتاج)\b" +
        @"|\b(скільки|кошту\w*|вартіст\w*|ціна|ціну|ціни|плат\w*|збір|збору|безкоштовн\w*|часу|час|триває|займає|чекати|довго|швидко|термін\w*|строк\w*|" +
        @"документ\w*|довідк\w*|папер\w*|взяти|принести|подати|подавати|мати|показати|запис\w*|прийом\w*|прийти|піти|йти|іти|куди|адрес\w*|відчинен\w*|" +
        @"відкрит\w*|зачинен\w*|працю\w*|години|годин|роботи|онлайн|інтернет\w*|поштою|особисто|закон\w*|параграф\w*|підстав\w*|хто|займається|відповідає|" +
        @"телефон\w*|номер|одразу|відразу|терміново|отримаю|отримати|отримаєте|оформ\w*|зробити|робиться|роблять|можна|треба|потрібно|потрібн\w*|необхідно|" +
        @"обов'язково|сьогодні|завтра|понеділ\w*|вівтор\w*|серед\w*|четвер\w*|п'ятниц\w*|субот\w*|неділ\w*|днів|день|тижн\w*|місяц\w*|офіс\w*|відділ\w*|дають|" +
        @"відповід\w*|приїд\w*|прийд\w*|забрати|гроші|грошей|платно|котрої|котрій|письмово|чаті|чат|заплатити|дитин\w*|доньк\w*|сина|синові|сколько|скока|" +
        @"сто(ит|ят|ить)|стоимост\w*|цена|цену|пошлин\w*|бесплатн\w*|времени|время|длится|занимает|займёт|ждать|долго|быстро|срок\w*|справк\w*|бумаг\w*|взять|" +
        @"подать|иметь|приём|прием|термин\w*|идти|пойти|куда|открыт\w*|закрыт\w*|работа(ет|ют|ете)|часы|работы|интернет\w*|почте|лично|основ\w*|кто|занимается|" +
        @"отвечает|сразу|срочно|получу|получить|сделать|делается|делают|нужно|нужен|нужна|нужны|надо|обязательно|сегодня|понедельник\w*|вторник\w*|сред\w*|" +
        @"четверг\w*|пятниц\w*|суббот\w*|воскресень\w*|дней|недел\w*|месяц\w*|отдел\w*|ответ\w*|приед\w*|придут|деньги|денег|скольки|письменно|чате|заплатить|" +
        @"ребёнк\w*|ребенк\w*|дочк\w*|дочер\w*|сыну?|де|где|коли|когда)\b" +
        @"|" + ArabicWords.Start + @"(كم|قديش|شكد|شحال|قداش|بكام|سعر\w*|رسوم|تكلف\w*|يكلف|بتكلف|بيكلف|كتكلف|كلفة|مجان\w*|ببلاش|وقت|يستغرق|تستغرق|بياخد|بتاخد|ياخذ|تاخذ|مدة|" +
        @"أوراق|اوراق|ورق|" +
        @"مستندات|وثائق|مطلوب\w*|جيب|أجيب|اجيب|معي|معايا|معاي|موعد|ميعاد|وين\w*|فين\w*|أين|اين|عنوان\w*|مفتوح\w*|فاتح|دوام|مواعيد|ساعات|أونلاين|اونلاين|" +
        @"قانون\w*|مين|رقم|فورا|فورًا|فوراً|متى|امتى|إمتى|يوم|أيام|اسبوع|أسبوع|شهر|شهور|بكرا|بكرة|غدا|الخميس|الجمعة|السبت|الأحد|الاثنين|الثلاثاء|الأربعاء|مكتب|" +
        @"طلب|أقدم|اقدم|قدم|قدّم|تلفون|هاتف|نحجز|أحجز|احجز|يحجز|حجز|مدخل\w*|كرسي|متحرك|يطلع|تطلع|بتطلع|بيطلع|" +
        @"يجهز|بيجهز|مسؤول|المسؤول|تجديد|التجديد|بالسنة|بالشهر)" + ArabicWords.End)]
    private static partial Regex AspectWords();

    [GeneratedRegex(@"\b(und|and|also|auch|aa|a|an|der|die|das|des|den|dem|er|sie|es|it|that|this|they|them|ich|i|mi|mia|man|ma|muss|muas|must|have|has|ist|is|" +
        @"sind|san|are|does|do|did|eigentlich|denn|dann|noch|no|jetzt|jetz|so|da|do|dafür|dafia|davon|dazu|damit|the|a|an|to|for|of|in|im|am|um|bei|beim|mit|" +
        @"hier|there|here|please|bitte|bittschön|mal|amoi|oamoi|gibt|gibt's|geht|gehts|geht's|es|s|'s|you|du|sie|ihr|eana|ma|mir|me|my|mein\w*|dein\w*|ihr\w*|" +
        @"schon|scho|nur|bloß|just|only|wie|was|wos|what|how|wo|where|wann|when|ok|okay|passt|gut|alles|all|fia|für|fuer|for|" +
        @"ein|eine|einen|nen|ne|ner|von|vom|zum|zur|aus|hat|hot|hod|hob|wir|uns|euch|ned|net|nix|nicht|not|ois|oda|oder|or|aba|aber|but|mei|dei|" +
        @"bin|bist|kon|wia|wer|who|why|was|too|now|yet|any|its|own|out|did|was|are|our|your|we|us|the|ja|jo|joa|yes|no|nein|na|gell|oh|ah|hmm|eh|" +
        @"bei euch|bei ihnen|here|hier|dort|drum|dran|drin|ganz|genau|exactly|then|than|else|sonst|bis|till|until|gschicht|geschichte|sache|ding|thing|stuff|" +
        @"soll|sollen|sollte|sui|darf|dürfen|derf|müssen|miass|könnte|should|may|might|would|will|wollen|möchte|mecht|per post|by post|by mail|per mail|" +
        @"mit|mim|mitm|with|by|am besten|besten|best|easiest|am einfachsten|einfachsten|selber|selbst|myself)\b" +
        @"|\b(ve|da|de|ile|mi|m[ıi]|mu|mü|miyim|m[ıi]y[ıi]m|misiniz|bu|[şs]u|o|onu|onun|bunu|bunun|i[çc]in|ben|benim|bana|biz|bizim|bir|peki|acaba|ya|[şs]ey|" +
        @"l[üu]tfen|te[şs]ekk[üu]rler|tamam|evet|hay[ıi]r|orada|oras[ıi]|buras[ıi]|oraya|var|yok|olarak|nas[ıi]l|ne|neler|ka[çc]|hangi|en|daha|[çc]ok|sonra|" +
        @"önce|[şs]imdi|sadece|bile|gibi|i[şs]te|yani|ki|ama|fakat|veya|merhaba|selam|olur|oluyor|gerekiyor|laz[ıi]m|g[öo]re|genel(de|likle)|" +
        @"durumda|yoksa|bekle|biraz|hala|hâlâ|art[ıi]k|tam|muyum|müyüm|m[ıi]y[ıi]z|muyuz|müyüz|geliyor\w*|gelir|gelecek\w*|i[çc]inde|i[çc]erisinde|" +
        @"direkt|direk|do[ğg]rudan|yaz[ıi]yor|yazar|yaz[ıi]l[ıi]|ge[çc]iyor|ek|ekstra|fazladan|[çc][ıi]k[ıi]yor\w*)\b" +
        @"|\b(а|і|й|и|та|чи|ли|ну|от|це|цей|ця|ці|то|ось|вже|уже|ще|еще|ещё|теж|тоже|також|также|я|ми|мы|мене|мені|мне|нам|нас|наш\w*|мій|мой|моя|моє|моё|мою|" +
        @"ви|вы|вам|вас|ваш\w*|у|в|на|з|із|зі|с|со|до|по|за|від|о|об|про|при|без|як|как|що|что|шо|або|или|але|но|так|да|ні|нет|не|будь|ласка|пожалуйста|дякую|" +
        @"спасибо|спасибі|добре|гаразд|хорошо|ладно|ок|окей|стоп|підождіть|зачекайте|подождите|постойте|хвилинку|минутку|секунду|тоді|тогда|потім|потом|перед|" +
        @"цим|этим|тим|тем|знову|снова|раз|бо|потому|если|якщо|вообще|взагалі|там|тут|туди|туда|же|ж|б|би|бы|мабуть|наверное|всё|все|усе|весь|вся|такий|такой|" +
        @"який|какой|яка|какая|які|какие|якої|якого|какого|по какому|по якому|чому|почему|цьому|этом|того|цього|этого|свій|свой|свою|примерно|приблизно|" +
        @"зазвичай|обычно|тобто|есть|є|був|было|буде|будет|лише|тільки|только|просто|саме|именно|справді|действительно|ой|ах|ага|хм|привіт|привет|здравствуйте|" +
        @"вітаю|добрий|доброго|добрый|вони|они|воно|оно|вона|она|він|он|його|его|її|её|ее|їх|их|їхн\w*|нього|него|неї|неё|нее|для|этот|эта|эти|это|можна|можно|" +
        @"просто|вообще-то|тепер|теперь|зараз|сейчас|також|примерно|скільки-небудь|всього|всего|всё это|все це|мені|собі|себе|свого|своего|будь-ласка|взагалі|" +
        @"собою|собой|какому|якому|каком|якім|щось|что-то|что-нибудь|щось-небудь|якийсь|какой-то|" +
        @"рішення|решени\w*|заяв\w*|заявлени\w*|заявк\w*|доведеться|придётся|придется|розглядають|рассматривают|реально|серйозно|серьёзно|серьезно|" +
        @"кажется|здається|якось|как-то|((з|із|с) )?(дитячим |детской )?(візочком|коляскою|коляской)|пандус\w*|" +
        @"(на )?(инвалидн\w* коляск\w*|інвалідн\w* (візк\w*|крісл\w*))|проехать|проїхати|заехать|заїхати)\b" +
        @"|" + ArabicWords.Start + @"(و|ف|ب|ل|في|فيه|فيها|على|ع|عن|من|مع|إلى|الى|هل|شو|ايش|إيش|شنو|ايه|إيه|ما|ماذا|هو|هي|هاد|هادا|هذا|هذه|هاي|هيك|هالشي|شي|شيء|هيدا|هيدي|دا|" +
        @"دي|ده|انا|أنا|" +
        @"احنا|نحنا|نحن|إحنا|لي|الي|اللي|يلي|الذي|التي|بس|كمان|برضو|طيب|تمام|يلا|يعني|لحظة|قبل|بعد|ممكن|لو|سمحت|فضلك|شكرا|مرحبا|أهلا|اهلا|حبيبي|اخي|أخي|يا|عادة|" +
        @"عادةً|تقريبا|تقريبًا|تقريباً|بالضبط|أيضا|ايضا|كذلك|ولا|أو|او|لكن|عشان|علشان|لأن|لان|إذا|اذا|ازا|لما|كيف|كيفاش|شلون|ازاي|إزاي|هون|هنا|هناك|هنيك|لازم|" +
        @"بدي|بدنا|بدها|بدو|عايز|عاوز|محتاج\w*|بقدر|بنقدر|أقدر|اقدر|أكدر|اكدر|ينفع|أعمل|اعمل|أعملها|اعملها|نعمل|نعملها|عليه|عليها|علي|عليّ|لنا|إلي|خدمة|الخدمه|" +
        @"يعتمد\w*|بيعتمد\w*|مبني|مبنية|بينظم|ينظم|" +
        @"هادي|معاملة|معامله|يكون|بيكون|صار|كان|خلص|نفس|كل|ياللي|شوي|شوية|حدا|أحد|احد|زين|ماشي|منيح|كويس|عم|رح|راح|بدّي)" + ArabicWords.End)]
    private static partial Regex Filler();

    /// <summary>A word of three letters or more ("dog tax", "KVR" name something).</summary>
    [GeneratedRegex(@"\p{L}{3,}")]
    private static partial Regex Substance();
}
