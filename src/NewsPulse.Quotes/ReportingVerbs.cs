namespace NewsPulse.Quotes;

/// <summary>
/// Verbs that report speech, English and French, every common inflection mapped to its base form. Used both ways:
/// "said Wang" after a quote, "Wang warned that" before one.
/// </summary>
internal static class ReportingVerbs
{
    private static readonly Dictionary<string, string> Forms = Build();

    /// <summary>The base form of a reporting verb form ("said" -> "say", "estime" -> "estimer"), else null.</summary>
    public static string? Lemma(string word) => Forms.GetValueOrDefault(word.ToLowerInvariant());

    private static Dictionary<string, string> Build()
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        // English: base form, then the other forms.
        string[][] english =
        [
            ["say", "says", "said", "saying"], ["tell", "tells", "told"], ["add", "adds", "added"], ["warn", "warns", "warned"],
            ["argue", "argues", "argued"], ["note", "notes", "noted"], ["estimate", "estimates", "estimated"], ["insist", "insists", "insisted"],
            ["explain", "explains", "explained"], ["claim", "claims", "claimed"], ["state", "states", "stated"], ["write", "writes", "wrote"],
            ["predict", "predicts", "predicted"], ["caution", "cautions", "cautioned"], ["acknowledge", "acknowledges", "acknowledged"],
            ["admit", "admits", "admitted"], ["stress", "stresses", "stressed"], ["suggest", "suggests", "suggested"], ["conclude", "concludes", "concluded"],
            ["reply", "replies", "replied"], ["comment", "comments", "commented"], ["continue", "continues", "continued"], ["recall", "recalls", "recalled"],
            ["observe", "observes", "observed"], ["believe", "believes", "believed"], ["think", "thinks", "thought"], ["expect", "expects", "expected"],
            ["declare", "declares", "declared"], ["announce", "announces", "announced"], ["confirm", "confirms", "confirmed"],
            ["emphasise", "emphasises", "emphasised", "emphasize", "emphasizes", "emphasized"], ["maintain", "maintains", "maintained"],
            ["contend", "contends", "contended"], ["point", "points", "pointed"], ["remark", "remarks", "remarked"], ["assert", "asserts", "asserted"],
            ["reckon", "reckons", "reckoned"], ["forecast", "forecasts", "forecasted"], ["predict", "predicts", "predicted"], ["ask", "asks", "asked"],
            ["answer", "answers", "answered"], ["describe", "describes", "described"], ["call", "calls", "called"], ["admit", "admits", "admitted"],
            ["complain", "complains", "complained"], ["concede", "concedes", "conceded"], ["counter", "counters", "countered"],
            ["promise", "promises", "promised"], ["vow", "vows", "vowed"], ["urge", "urges", "urged"], ["report", "reports", "reported"],
            ["say", "sayed"], ["put", "puts"], ["joke", "jokes", "joked"], ["quip", "quips", "quipped"], ["agree", "agrees", "agreed"],
            ["reiterate", "reiterates", "reiterated"], ["denounce", "denounces", "denounced"], ["criticise", "criticises", "criticised", "criticize", "criticizes", "criticized"],
            ["welcome", "welcomes", "welcomed"], ["hail", "hails", "hailed"], ["recount", "recounts", "recounted"], ["elaborate", "elaborates", "elaborated"],
            ["observe", "observed"], ["summarise", "summarised", "summarize", "summarized"], ["hope", "hopes", "hoped"], ["fear", "fears", "feared"], ["signal", "signals", "signalled", "signaled"], ["indicate", "indicates", "indicated"],
        ];
        // French: infinitive, then present (3rd person), past participle and other common forms.
        string[][] french =
        [
            ["dire", "dit", "disent", "disait", "dira"], ["déclarer", "déclare", "déclarent", "déclaré", "déclarait"],
            ["affirmer", "affirme", "affirment", "affirmé", "affirmait"], ["estimer", "estime", "estiment", "estimé", "estimait"],
            ["ajouter", "ajoute", "ajoutent", "ajouté", "ajoutait"], ["souligner", "souligne", "soulignent", "souligné", "soulignait"],
            ["prévenir", "prévient", "préviennent", "prévenu", "prévenait"], ["expliquer", "explique", "expliquent", "expliqué", "expliquait"],
            ["rappeler", "rappelle", "rappellent", "rappelé", "rappelait"], ["juger", "juge", "jugent", "jugé", "jugeait"],
            ["préciser", "précise", "précisent", "précisé", "précisait"], ["indiquer", "indique", "indiquent", "indiqué", "indiquait"],
            ["assurer", "assure", "assurent", "assuré", "assurait"], ["confier", "confie", "confient", "confié"], ["reconnaître", "reconnaît", "reconnait", "reconnaissent", "reconnu"],
            ["insister", "insiste", "insistent", "insisté"], ["poursuivre", "poursuit", "poursuivent", "poursuivi"], ["conclure", "conclut", "concluent", "conclu"],
            ["observer", "observe", "observent", "observé"], ["noter", "note", "notent", "noté"], ["avertir", "avertit", "avertissent", "averti"],
            ["marteler", "martèle", "martèlent", "martelé"], ["lancer", "lance", "lancent", "lancé"], ["résumer", "résume", "résument", "résumé"],
            ["commenter", "commente", "commentent", "commenté"], ["répondre", "répond", "répondent", "répondu"], ["annoncer", "annonce", "annoncent", "annoncé"],
            ["confirmer", "confirme", "confirment", "confirmé"], ["raconter", "raconte", "racontent", "raconté"], ["regretter", "regrette", "regrettent", "regretté"],
            ["insister", "insistait"], ["prédire", "prédit", "prédisent"], ["anticiper", "anticipe", "anticipent", "anticipé"], ["avancer", "avance", "avancent", "avancé"],
            ["reconnaître", "reconnaissait"], ["admettre", "admet", "admettent", "admis"], ["tempérer", "tempère", "tempèrent", "tempéré"],
            ["nuancer", "nuance", "nuancent", "nuancé"], ["plaider", "plaide", "plaident", "plaidé"], ["défendre", "défend", "défendent", "défendu"],
            ["promettre", "promet", "promettent", "promis"], ["s'inquiéter", "inquiète", "inquiètent", "inquiété"], ["déplorer", "déplore", "déplorent", "déploré"],
            ["mettre en garde", "met", "mettent"], ["interroger", "interroge", "interrogent", "interrogé"], ["écrire", "écrit", "écrivent"],
            ["qualifier", "qualifie", "qualifient", "qualifié"], ["décrire", "décrit", "décrivent"], ["penser", "pense", "pensent", "pensé"],
            ["croire", "croit", "croient", "cru"], ["considérer", "considère", "considèrent", "considéré"], ["signaler", "signale", "signalent", "signalé"],
            ["répéter", "répète", "répètent", "répété"], ["s'interroger", "interrogeait"], ["ironiser", "ironise", "ironisé"], ["glisser", "glisse", "glissé"],
            ["résumer", "résumait"], ["tranche", "tranche", "tranché"], ["dénoncer", "dénonce", "dénoncent", "dénoncé"], ["fustiger", "fustige", "fustigé"],
            ["critiquer", "critique", "critiquent", "critiqué"], ["saluer", "salue", "saluent", "salué"], ["réclamer", "réclame", "réclament", "réclamé"],
            ["souhaiter", "souhaite", "souhaitent", "souhaité"], ["alerter", "alerte", "alertent", "alerté"], ["relever", "relève", "relèvent", "relevé"],
            ["détailler", "détaille", "détaillent", "détaillé"], ["reprendre", "reprend", "reprennent", "repris"], ["renchérir", "renchérit", "renchéri"],
            ["tempêter", "tempête"], ["constater", "constate", "constatent", "constaté"], ["espérer", "espère", "espèrent", "espéré"],
        ];
        foreach (var group in english.Concat(french))
        {
            foreach (var form in group)
            {
                forms.TryAdd(form, group[0] == "tranche" ? "trancher" : group[0]);
            }
        }

        return forms;
    }
}
