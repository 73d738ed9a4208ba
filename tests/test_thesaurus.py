from assistant.thesaurus import added_terms, concepts, expand


def test_buyer_words_get_the_documents_words() -> None:
    assert expand("Hoe voorkom ik dat we vastzitten aan één leverancier?") == (
        "Hoe voorkom ik dat we vastzitten aan één leverancier? (aanbieders opdrachtnemers vendor lock-in afhankelijk)"
    )
    assert expand("Wat zijn de nadelen?").endswith("(beperkingen risico's)")
    for question in ("Waar moet ik op letten bij SBIR?", "Waar let ik op?", "Waarop moet ik letten?"):
        assert expand(question).endswith("(aandachtspunten valkuilen)")


def test_words_the_question_already_uses_are_not_added() -> None:
    assert expand("Welke stappen en fasen kent het?") == "Welke stappen en fasen kent het? (fase)"  # whole words
    assert expand("Wat zijn de nadelen en beperkingen?").endswith("(risico's)")


def test_whole_words_only() -> None:
    assert expand("Welke termijn geldt er?") == "Welke termijn geldt er?"  # "geldt" is not "geld"
    assert expand("Wat is een innovatiepartnerschap?") == "Wat is een innovatiepartnerschap?"


def test_added_terms_are_the_documents_phrases_for_display() -> None:
    assert added_terms("Hoe voorkom ik dat we vastzitten aan één leverancier?") == (
        "aanbieders", "opdrachtnemers", "vendor lock-in", "afhankelijk"
    )
    assert added_terms("Wat is een innovatiepartnerschap?") == ()


def test_a_question_asks_about_concepts_not_about_the_words_it_is_searched_with() -> None:
    question = "Wie betaalt de kosten in een proeftuin?"
    assert concepts(question) == [
        "proeftuin pilot experiment", "kosten budget financiering", "betaalt afgerekend vergoeding", "wie", "de", "in",
        "een",
    ]
    assert concepts(expand(question)) == concepts(question)  # the documents' words are no concepts of their own
    assert concepts("Wat is SBIR (een regeling)")[-1] == "regeling"  # brackets of the question itself stay


def test_everyday_words_get_the_documents_words() -> None:
    assert expand("Hoe wordt er betaald?") == "Hoe wordt er betaald? (afgerekend vergoeding)"
    assert expand("Is er genoeg tijd?") == "Is er genoeg tijd? (voldoende)"
    assert expand("Hebben we de kennis in huis?").endswith("(expertise inhoudelijke)")
    assert expand("Wanneer laat ik het weten?") == "Wanneer laat ik het weten? (communiceren meegeven)"
    assert expand("Schaadt dat mijn reputatie?") == "Schaadt dat mijn reputatie? (betrouwbaarheid)"
    assert expand("Is er bewijs dat het werkt?") == "Is er bewijs dat het werkt? (bevestigd studie)"
    assert expand("Wat is het grootste pluspunt?") == "Wat is het grootste pluspunt? (voordeel voordelen)"
    assert "geschikt" in added_terms("Voor welke innovaties past een innovatiepartnerschap?")
    assert expand("Hoe kijk ik verder vooruit?") == "Hoe kijk ik verder vooruit? (langere termijn lange)"
    assert expand("Waar is het meestal op gericht?") == "Waar is het meestal op gericht? (vaak)"
    assert expand("Hoe kan ik beginnen?") == "Hoe kan ik beginnen? (starten start)"
    assert expand("Kan er later een partij bijkomen?") == "Kan er later een partij bijkomen? (toelaten nieuwe aanbieders)"
    assert "toelaten" in added_terms("Mag een partij later nog instappen?")
    assert expand("Wanneer wordt het aangeschaft?") == "Wanneer wordt het aangeschaft? (aankoop)"
    assert expand("Wat gebeurt er aan het begin?") == "Wat gebeurt er aan het begin?"  # the noun, not the verb
    assert expand("Moet ik nog een keer aanbesteden?") == "Moet ik nog een keer aanbesteden? (opnieuw)"
    assert expand("Wat heb ik binnengekregen?") == "Wat heb ik binnengekregen? (ontvangen)"
    assert expand("Hoe ver is de technologie ontwikkeld?").endswith("(volwassenheid)")
    assert expand("Hoe ver is de afstand?") == "Hoe ver is de afstand? (distance)"  # not how mature
    assert expand("Wat spreken we af over risico's?") == "Wat spreken we af over risico's? (afspraken)"
    assert expand("Wat spreekt hij uit?") == "Wat spreekt hij uit?"  # another verb
    assert expand("Hoe inspecteer ik bruggen?") == "Hoe inspecteer ik bruggen? (kunstwerken)"
    assert expand("Hoe borg ik beleidsdoelen?") == "Hoe borg ik beleidsdoelen? (beleidsambities)"
    assert expand("Kunnen partijen verdwijnen?") == "Kunnen partijen verdwijnen? (afhaken afvallen)"
    assert expand("Welk risico moet ik uitbannen?") == "Welk risico moet ik uitbannen? (elimineer elimineren)"
    assert expand("Welke bronnen kan ik raadplegen?") == "Welke bronnen kan ik raadplegen? (publicaties nieuwsberichten)"
    assert expand("Hoe rijp is de technologie?") == "Hoe rijp is de technologie? (volwassenheid)"
    assert expand("Hoeveel automobilisten deden mee?") == "Hoeveel automobilisten deden mee? (weggebruikers)"
    assert expand("Welke onderwerpen behandelt de checklist?").endswith("(thema thema's)")


def test_a_countrys_adjective_gets_the_country_the_documents_name() -> None:
    assert expand("Hoe heet het Finse kenniscentrum?") == "Hoe heet het Finse kenniscentrum? (Finland)"
    assert expand("Wat doen Zweedse overheden?") == "Wat doen Zweedse overheden? (Zweden)"
    assert expand("Welke Engelse term gebruikt het rapport?") == "Welke Engelse term gebruikt het rapport?"  # a language


def test_stopping_and_stating_the_problem_get_the_documents_words() -> None:
    assert expand("Kan ik het partnerschap stopzetten?").endswith("(afbreken beëindigen)")
    assert expand("Hoe schrijf ik een probleemstelling?").endswith("(behoefte behoeftestelling)")
    assert expand("Mag ik met één partij in zee gaan?").endswith("(samenwerken aangaan)")  # an idiom
    assert expand("We zitten midden in een partnerschap. Kunnen we stoppen?").endswith("(na elke fase afbreken beëindigen)")


def test_a_separable_verb_split_by_its_object_is_the_documents_word() -> None:
    assert expand("Mag een bedrijf tussentijds uit het partnerschap stappen?").endswith("uitstappen afbreken beëindigen)")
    assert expand("Wat als een aanbieder er halverwege uitstapt?").endswith("(na elke fase uitstappen afbreken beëindigen)")
    assert expand("Welke stappen zet ik uit het plan?") == "Welke stappen zet ik uit het plan? (fasen)"  # steps, no verb


def test_solving_a_barrier_asks_for_the_documents_solutions_and_recommendations() -> None:
    for question in ("Hoe los ik die op?", "Hoe los je de knelpunten bij inkopen op?", "Hoe neem ik ze weg?"):
        assert expand(question).endswith("(oplossingen aanbevelingen)"), question
    assert expand("Wordt elke fase los afgerekend?") == "Wordt elke fase los afgerekend?"  # "los" alone: separately
    # which problem a case solved is no question how to solve one
    assert expand("Welk probleem moest het partnerschap oplossen?") == "Welk probleem moest het partnerschap oplossen?"
    assert "oplossingen" not in expand("Welke knelpunten lost het innovatiepartnerschap op?")
    assert "oplossingen" in expand("Welke problemen zijn er en hoe los ik ze op?")  # asks how, after all


def test_a_target_figure_gets_the_documents_words_for_it() -> None:
    assert added_terms("Moeten overheden streefcijfers vastleggen?") == ("richtgetal", "streefdoelen")
    assert added_terms("Welke target geldt er?") == ("richtgetal", "streefdoelen")


def test_reluctance_and_obstacles_get_the_documents_words() -> None:
    assert added_terms("Onze directie is huiverig voor risico's.")[:2] == ("risicomijdend", "aversie")
    assert "risicomijdend" in added_terms("Waarom zijn overheden terughoudend?")
    assert added_terms("Wat staat innovatiegericht inkopen in de weg?") == ("belemmeringen", "knelpunten", "barrières")
    assert added_terms("Waar lopen inkopers tegenaan?") == ("belemmeringen", "knelpunten", "barrières")


def test_how_to_tackle_a_procedure_asks_for_its_steps() -> None:
    assert added_terms("Hoe pak ik een innovatiepartnerschap aan?") == ("stappen", "fasen")
    assert added_terms("Wat is de aanpak bij SBIR?") == ("stappen", "fasen")
    assert added_terms("Wat is de kern van SBIR?") == ()


def test_how_much_a_procedure_is_used_gets_the_documents_words() -> None:
    assert expand("Wordt het innovatiepartnerschap al veel gebruikt?").endswith("(toegepast gebruik)")
    assert expand("Waarom wordt het zo weinig ingezet?").endswith("(toegepast gebruik)")
    assert expand("Wordt SBIR vaak toegepast?").endswith("(gebruik)")
    assert expand("Is het innovatiepartnerschap al ingeburgerd?").endswith("(toegepast gebruik)")
    assert expand("Wie heeft het gebruikt?") == "Wie heeft het gebruikt?"  # use, not how much


def test_dividing_a_contract_gets_the_documents_words() -> None:
    assert expand("Mag ik een opdracht opsplitsen?").endswith("(verdelen percelen)")
    assert expand("Wat zegt het bureau over het opdelen van een project?").endswith("(verdelen percelen)")


def test_a_dutch_question_gets_the_english_words_of_the_wegwijzers_sources() -> None:
    assert expand("Wat is het nadeel van centraal inkopen?").endswith(
        "(beperkingen risico's centralization centralisation centralised)"
    )
    assert expand("Wat levert vroeg contact met leveranciers op?").endswith("early)")
    assert "early" not in expand("Hoe ging dat vroeger?")  # formerly, not early
    assert expand("Welke balans moet ik vinden?").endswith("(balance)")
    assert expand("Waarom mensen uit verschillende vakgebieden?").endswith("(cross-functional)")
    assert expand("Wat aan de cultuur remt het?").endswith("mindset organisatieklimaat)")
    assert expand("Wat is de beste manier?") == "Wat is de beste manier? (optimale optimaal)"
    assert expand("Wat is de beste keuze?") == "Wat is de beste keuze?"  # best of options, not one optimum
    assert expand("Wanneer is staatssteun toegestaan?") == "Wanneer is staatssteun toegestaan? (verenigbaar)"
    assert expand("Moet ik een deskundige inschakelen?") == "Moet ik een deskundige inschakelen? (expert experts)"
    assert "cooperative purchasing" in added_terms("Wat kan ik beter niet samen met andere gemeenten inkopen?")
    assert expand("Hoe professionaliseer ik inkopers?") == "Hoe professionaliseer ik inkopers? (professionalization)"


def test_nothing_and_dependence_on_one_supplier_get_the_documents_words() -> None:
    assert expand("Is een traject dat niets oplevert verspilde moeite?").endswith("(niks)")
    assert "vendor lock-in" in added_terms("Hoe voorkom ik dat we afhankelijk worden van één leverancier?")
    assert "vendor lock-in" in added_terms("Hoe voorkom ik dat ik vast kom te zitten aan één leverancier?")


def test_a_supplier_too_powerful_gets_the_documents_words() -> None:
    assert expand("Hoe voorkom ik dat leveranciers te machtig worden?").endswith("dominante positie)")
    assert "dominante positie" in added_terms("Hoe voorkom ik dat een leverancier te veel macht krijgt?")


def test_useful_gets_the_documents_words() -> None:
    assert expand("Waarvoor is het delen van informatie nuttig?").endswith("(pas voordelen)")  # "van" it says itself


def test_how_to_carry_something_out_asks_its_steps() -> None:
    assert "(stappen fasen" in expand("Hoe voer ik een marktverkenning uit?")
    assert expand("Hoe moet ik een marktconsultatie uitvoeren?").endswith("(stappen fasen)")
    assert expand("Wanneer ga ik het opschalingsplan uitvoeren?") == "Wanneer ga ik het opschalingsplan uitvoeren?"


def test_where_a_procedure_works_best_gets_the_documents_words() -> None:
    assert expand("Wanneer komt een innovatiepartnerschap het best tot zijn recht?").endswith("(kracht grootst)")
    assert "kracht" in added_terms("In welke situatie werkt SBIR het best?")
    assert "kracht" in added_terms("Wanneer werkt een innovatiepartnerschap het sterkst?")
    assert expand("Wat is het beste moment?") == "Wat is het beste moment?"


def test_cheaper_gets_the_documents_words_for_lower_costs_but_saving_time_does_not() -> None:
    assert expand("Kan het inkopen van het resultaat goedkoper uitvallen?").endswith("(kosten lager kostenbesparing)")
    assert "kostenbesparing" in added_terms("Hoeveel bespaart een gemeente met samen inkopen?")
    assert "kostenbesparing" not in added_terms("Kan een innovatiepartnerschap op den duur juist tijd besparen?")
