<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name></name>
    <message>
        <source>Create, open, save, import and export boards</source>
        <translation>Boards anlegen, öffnen, speichern, importieren und exportieren</translation>
    </message>
    <message>
        <source>Change the board: undo, cards, stages and lanes</source>
        <translation>Das Board ändern: Rückgängig, Karten, Phasen und Bahnen</translation>
    </message>
    <message>
        <source>Zoom, impact and the panels</source>
        <translation>Zoom, Auswirkungen und die Seitenleisten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts, the start screen and about Touchline</source>
        <translation>Tastenkürzel, Startbildschirm und Über Touchline</translation>
    </message>
    <message>
        <source>Start a new board from a bundled template</source>
        <translation>Ein neues Board aus einer mitgelieferten Vorlage beginnen</translation>
    </message>
    <message>
        <source>A new service blueprint with customer, frontstage, backstage and support lanes</source>
        <translation>Ein neuer Service Blueprint mit Kunden-, Frontstage-, Backstage- und Support-Bahnen</translation>
    </message>
    <message>
        <source>A new journey map with doing, thinking and feeling lanes</source>
        <translation>Eine neue Journey Map mit Bahnen für Tun, Denken und Fühlen</translation>
    </message>
    <message>
        <source>Open a Touchline file</source>
        <translation>Eine Touchline-Datei öffnen</translation>
    </message>
    <message>
        <source>Open one of the files opened or saved lately</source>
        <translation>Eine der zuletzt geöffneten oder gespeicherten Dateien öffnen</translation>
    </message>
    <message>
        <source>Forget the recent files</source>
        <translation>Die zuletzt verwendeten Dateien vergessen</translation>
    </message>
    <message>
        <source>Make a board from a Mermaid journey or a CSV table</source>
        <translation>Ein Board aus einer Mermaid-Journey oder einer CSV-Tabelle erstellen</translation>
    </message>
    <message>
        <source>Save the board to its file</source>
        <translation>Das Board in seine Datei speichern</translation>
    </message>
    <message>
        <source>Save the board under a new name</source>
        <translation>Das Board unter neuem Namen speichern</translation>
    </message>
    <message>
        <source>Write the board as SVG, PDF, PNG or for other tools</source>
        <translation>Das Board als SVG, PDF, PNG oder für andere Werkzeuge schreiben</translation>
    </message>
    <message>
        <source>Export the board as an SVG image</source>
        <translation>Das Board als SVG-Bild exportieren</translation>
    </message>
    <message>
        <source>Export the board as a PDF document</source>
        <translation>Das Board als PDF-Dokument exportieren</translation>
    </message>
    <message>
        <source>Export the board as a PNG image</source>
        <translation>Das Board als PNG-Bild exportieren</translation>
    </message>
    <message>
        <source>Export the board as a draw.io diagram</source>
        <translation>Das Board als draw.io-Diagramm exportieren</translation>
    </message>
    <message>
        <source>Export the customer lane as a Mermaid journey</source>
        <translation>Die Kundenbahn als Mermaid-Journey exportieren</translation>
    </message>
    <message>
        <source>Export the cards as a CSV table</source>
        <translation>Die Karten als CSV-Tabelle exportieren</translation>
    </message>
    <message>
        <source>Print the board on paper: on one sheet or as a poster of several</source>
        <translation>Das Board auf Papier drucken: auf einem Blatt oder als Poster aus mehreren</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Dieses Fenster schließen</translation>
    </message>
    <message>
        <source>Close every window and quit Touchline</source>
        <translation>Alle Fenster schließen und Touchline beenden</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Die letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>Redo the change undone last</source>
        <translation>Die zuletzt rückgängig gemachte Änderung wiederholen</translation>
    </message>
    <message>
        <source>Delete the selected cards, arrows, stage or lane</source>
        <translation>Die ausgewählten Karten, Pfeile, Phase oder Bahn löschen</translation>
    </message>
    <message>
        <source>Select every card</source>
        <translation>Alle Karten auswählen</translation>
    </message>
    <message>
        <source>Find cards by the words in their text, tags, notes or wait</source>
        <translation>Karten nach den Wörtern in Text, Schlagwörtern, Notizen oder Wartezeit finden</translation>
    </message>
    <message>
        <source>Choose the next card holding the words found</source>
        <translation>Die nächste Karte mit den gesuchten Wörtern wählen</translation>
    </message>
    <message>
        <source>Choose the card before holding the words found</source>
        <translation>Die vorige Karte mit den gesuchten Wörtern wählen</translation>
    </message>
    <message>
        <source>Copy the selected cards to the clipboard and delete them</source>
        <translation>Die ausgewählten Karten in die Zwischenablage kopieren und löschen</translation>
    </message>
    <message>
        <source>Copy the selected cards and the arrows between them to the clipboard</source>
        <translation>Die ausgewählten Karten und die Pfeile zwischen ihnen in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Paste cards, or a card for each line of copied text, into the current cell</source>
        <translation>Karten, oder eine Karte je Zeile kopierten Texts, in die aktuelle Zelle einfügen</translation>
    </message>
    <message>
        <source>Put a copy of each selected card right after it</source>
        <translation>Jede ausgewählte Karte direkt hinter sich kopieren</translation>
    </message>
    <message>
        <source>Add a card in the current cell</source>
        <translation>Eine Karte in der aktuellen Zelle hinzufügen</translation>
    </message>
    <message>
        <source>Edit the selected card&apos;s text, rename the selected header or label the selected arrow</source>
        <translation>Den Text der ausgewählten Karte bearbeiten, die ausgewählte Überschrift umbenennen oder den ausgewählten Pfeil beschriften</translation>
    </message>
    <message>
        <source>Add a stage after the current one</source>
        <translation>Eine Phase nach der aktuellen hinzufügen</translation>
    </message>
    <message>
        <source>Add a lane below the current one</source>
        <translation>Eine Bahn unter der aktuellen hinzufügen</translation>
    </message>
    <message>
        <source>Delete the current stage with its cards</source>
        <translation>Die aktuelle Phase mit ihren Karten löschen</translation>
    </message>
    <message>
        <source>Delete the current lane with its cards</source>
        <translation>Die aktuelle Bahn mit ihren Karten löschen</translation>
    </message>
    <message>
        <source>Reorder the cards in each cell so fewer arrows cross</source>
        <translation>Die Karten jeder Zelle so ordnen, dass sich weniger Pfeile kreuzen</translation>
    </message>
    <message>
        <source>Move the selected emotion cards one step up the scale</source>
        <translation>Die gewählten Emotionskarten eine Stufe höher auf der Skala setzen</translation>
    </message>
    <message>
        <source>Move the selected emotion cards one step down the scale</source>
        <translation>Die gewählten Emotionskarten eine Stufe tiefer auf der Skala setzen</translation>
    </message>
    <message>
        <source>Give each selected card one vote more</source>
        <translation>Jeder gewählten Karte eine Stimme mehr geben</translation>
    </message>
    <message>
        <source>Take one vote from each selected card</source>
        <translation>Jeder gewählten Karte eine Stimme nehmen</translation>
    </message>
    <message>
        <source>Draw an arrow from the selected card to the card chosen next</source>
        <translation>Einen Pfeil von der gewählten Karte zur als Nächstes gewählten Karte ziehen</translation>
    </message>
    <message>
        <source>Choose the selected card&apos;s arrows one after another</source>
        <translation>Die Pfeile der gewählten Karte nacheinander wählen</translation>
    </message>
    <message>
        <source>Move the selected card to the stage before</source>
        <translation>Die gewählte Karte in die vorige Phase verschieben</translation>
    </message>
    <message>
        <source>Move the selected card to the next stage</source>
        <translation>Die gewählte Karte in die nächste Phase verschieben</translation>
    </message>
    <message>
        <source>Move the selected card up its cell, or into the lane above</source>
        <translation>Die gewählte Karte in ihrer Zelle nach oben oder in die Bahn darüber verschieben</translation>
    </message>
    <message>
        <source>Move the selected card down its cell, or into the lane below</source>
        <translation>Die gewählte Karte in ihrer Zelle nach unten oder in die Bahn darunter verschieben</translation>
    </message>
    <message>
        <source>Language and start-up settings</source>
        <translation>Sprache und Einstellungen für den Start</translation>
    </message>
    <message>
        <source>Look closer</source>
        <translation>Näher heran</translation>
    </message>
    <message>
        <source>Look from farther away</source>
        <translation>Weiter weg</translation>
    </message>
    <message>
        <source>Show the whole board</source>
        <translation>Das ganze Board zeigen</translation>
    </message>
    <message>
        <source>Show the board at its real size</source>
        <translation>Das Board in Originalgröße zeigen</translation>
    </message>
    <message>
        <source>Show what the selected card affects and relies on</source>
        <translation>Zeigen, was die ausgewählte Karte beeinflusst und wovon sie abhängt</translation>
    </message>
    <message>
        <source>Show or hide the Properties panel</source>
        <translation>Die Eigenschaften-Leiste zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Show or hide the Checks panel</source>
        <translation>Die Prüfungen-Leiste zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Show or hide the Personas panel</source>
        <translation>Die Personas-Leiste zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Show or hide the legend under the board, in the exports too</source>
        <translation>Die Legende unter dem Board zeigen oder ausblenden, auch in den Exporten</translation>
    </message>
    <message>
        <source>Light or dark colours, or as the system has them</source>
        <translation>Helle oder dunkle Farben, oder wie im System eingestellt</translation>
    </message>
    <message>
        <source>Colours as the system is set</source>
        <translation>Farben wie im System eingestellt</translation>
    </message>
    <message>
        <source>Light colours</source>
        <translation>Helle Farben</translation>
    </message>
    <message>
        <source>Dark colours</source>
        <translation>Dunkle Farben</translation>
    </message>
    <message>
        <source>Walk the room through the board full screen, stage by stage</source>
        <translation>Das Board im Vollbild Phase für Phase mit dem Raum durchgehen</translation>
    </message>
    <message>
        <source>Present, starting at the current stage</source>
        <translation>Präsentieren, beginnend mit der aktuellen Phase</translation>
    </message>
    <message>
        <source>Choose the screen the presentation is shown on</source>
        <translation>Den Bildschirm für die Präsentation wählen</translation>
    </message>
    <message>
        <source>A countdown shown to the room</source>
        <translation>Ein Countdown, den der Raum sieht</translation>
    </message>
    <message>
        <source>Pause the countdown, or let it run on</source>
        <translation>Den Countdown anhalten oder weiterlaufen lassen</translation>
    </message>
    <message>
        <source>End the countdown</source>
        <translation>Den Countdown beenden</translation>
    </message>
    <message>
        <source>Show or hide the presenter&apos;s notes and next stage</source>
        <translation>Die Notizen der Moderation und die nächste Phase zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Show or hide the cards with the most votes</source>
        <translation>Die Karten mit den meisten Stimmen zeigen oder ausblenden</translation>
    </message>
    <message>
        <source>Every keyboard shortcut, from the menus as they are</source>
        <translation>Alle Tastenkürzel, aus den Menüs, wie sie sind</translation>
    </message>
    <message>
        <source>New boards, examples and recent files</source>
        <translation>Neue Boards, Beispiele und zuletzt verwendete Dateien</translation>
    </message>
    <message>
        <source>The version of Touchline</source>
        <translation>Die Version von Touchline</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menüleiste</translation>
    </message>
    <message>
        <source>The File, Edit, View and Help menus</source>
        <translation>Die Menüs Datei, Bearbeiten, Ansicht und Hilfe</translation>
    </message>
    <message>
        <source>The {} panel</source>
        <translation>Die Leiste {}</translation>
    </message>
    <message>
        <source>Touchline: a journey map or service blueprint with its panels</source>
        <translation>Touchline: eine Journey Map oder ein Service Blueprint mit seinen Leisten</translation>
    </message>
    <message>
        <source>Panels</source>
        <translation>Leisten</translation>
    </message>
    <message>
        <source>Switch between the panels docked together</source>
        <translation>Zwischen den zusammen angedockten Leisten wechseln</translation>
    </message>
    <message>
        <source>Board editor</source>
        <translation>Board-Editor</translation>
    </message>
    <message>
        <source>The board being edited</source>
        <translation>Das Board in Bearbeitung</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>The board: stages are columns, lanes are rows, cards sit in their cells. Arrow keys move between cards, Enter edits, ? lists the keyboard shortcuts.</source>
        <translation>Das Board: Phasen sind Spalten, Bahnen sind Zeilen, Karten stehen in ihren Zellen. Pfeiltasten wechseln zwischen Karten, Eingabe bearbeitet, ? listet die Tastenkürzel.</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Statusleiste</translation>
    </message>
    <message>
        <source>Messages about the last action</source>
        <translation>Meldungen zur letzten Aktion</translation>
    </message>
    <message>
        <source>fail point</source>
        <translation>Fehlerpunkt</translation>
    </message>
    <message>
        <source>score {0}</source>
        <translation>Bewertung {0}</translation>
    </message>
    <message>
        <source>wait {0}</source>
        <translation>Wartezeit {0}</translation>
    </message>
    <message>
        <source>card {0} of {1} in {2}, {3}</source>
        <translation>Karte {0} von {1} in {2}, {3}</translation>
    </message>
    <message numerus="yes">
        <source>Empty place after %n card(s) in {0}, {1}: type to add a card</source>
        <translation>
            <numerusform>Freier Platz nach %n Karte in {0}, {1}: tippen, um eine Karte hinzuzufügen</numerusform>
            <numerusform>Freier Platz nach %n Karten in {0}, {1}: tippen, um eine Karte hinzuzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Stage {0}, header, {1} of {2}</source>
        <translation>Phase {0}, Kopf, {1} von {2}</translation>
    </message>
    <message>
        <source>Lane {0}, header, {1} of {2}</source>
        <translation>Bahn {0}, Kopf, {1} von {2}</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Show &amp;legend</source>
        <translation>&amp;Legende zeigen</translation>
    </message>
    <message>
        <source>✖ Error</source>
        <translation>✖ Fehler</translation>
    </message>
    <message>
        <source>▲ Warning</source>
        <translation>▲ Warnung</translation>
    </message>
    <message>
        <source>ⓘ Info</source>
        <translation>ⓘ Hinweis</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message>
        <source>the board has no cards yet</source>
        <translation>Das Board hat noch keine Karten</translation>
    </message>
    <message>
        <source>an arrow goes from &quot;{0}&quot; to itself</source>
        <translation>Ein Pfeil führt von „{0}“ zu sich selbst</translation>
    </message>
    <message>
        <source>several arrows of one kind ({2}) go from &quot;{0}&quot; to &quot;{1}&quot;</source>
        <translation>Mehrere Pfeile derselben Art ({2}) führen von „{0}“ zu „{1}“</translation>
    </message>
    <message>
        <source>customer action &quot;{0}&quot; is linked to none of its stage&apos;s frontstage actions</source>
        <translation>Kundenaktion „{0}“ ist mit keiner Frontstage-Aktion ihrer Phase verbunden</translation>
    </message>
    <message>
        <source>frontstage action &quot;{0}&quot; has no path to any backstage or support card</source>
        <translation>Frontstage-Aktion „{0}“ führt zu keiner Backstage- oder Support-Karte</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; has no links</source>
        <translation>„{0}“ hat keine Verbindungen</translation>
    </message>
    <message>
        <source>a loop of flow links the customer cannot leave: {0}</source>
        <translation>Eine Schleife von Ablaufpfeilen, die die Kundschaft nicht verlassen kann: {0}</translation>
    </message>
    <message>
        <source>flow from &quot;{0}&quot; goes back to &quot;{1}&quot; in an earlier stage (&quot;{2}&quot;)</source>
        <translation>Der Ablauf von „{0}“ führt zurück zu „{1}“ in einer früheren Phase („{2}“)</translation>
    </message>
    <message>
        <source>fail point &quot;{0}&quot; is linked to no opportunity or support card</source>
        <translation>Fehlerpunkt „{0}“ ist mit keiner Chance und keiner Support-Karte verbunden</translation>
    </message>
    <message>
        <source>stage &quot;{0}&quot; has no customer action</source>
        <translation>Phase „{0}“ hat keine Kundenaktion</translation>
    </message>
    <message>
        <source>&quot;{0}&quot; has no score: its point sits on the neutral line</source>
        <translation>„{0}“ hat keine Bewertung: sein Punkt liegt auf der neutralen Linie</translation>
    </message>
    <message>
        <source>&quot;{0}&quot;</source>
        <translation>„{0}“</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Hand-offs</source>
        <translation>Übergaben</translation>
    </message>
    <message>
        <source>Fail points</source>
        <translation>Fehlerpunkte</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Stage numbers</source>
        <translation>Zahlen je Phase</translation>
    </message>
    <message>
        <source>Per stage</source>
        <translation>Je Phase</translation>
    </message>
    <message>
        <source>Nothing to report.</source>
        <translation>Nichts zu melden.</translation>
    </message>
    <message>
        <source>{0}. Click a finding to select its cards.</source>
        <translation>{0}. Ein Klick auf einen Befund wählt seine Karten aus.</translation>
    </message>
    <message numerus="yes">
        <source>{0} + %n not timed</source>
        <translation>
            <numerusform>{0} + %n ohne Dauer</numerusform>
            <numerusform>{0} + %n ohne Dauer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not timed</source>
        <translation>
            <numerusform>%n ohne Dauer</numerusform>
            <numerusform>%n ohne Dauer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wait(s) not written as a duration (such as “5 min” or “3–5 days”)</source>
        <translation>
            <numerusform>%n Wartezeit nicht als Dauer geschrieben (wie „5 min“ oder „3–5 days“)</numerusform>
            <numerusform>%n Wartezeiten nicht als Dauer geschrieben (wie „5 min“ oder „3–5 days“)</numerusform>
        </translation>
    </message>
    <message>
        <source>The customer cell of “{0}” is chosen: type to add what the customer does</source>
        <translation>Die Kundenzelle von „{0}“ ist gewählt: tippen, was der Kunde tut</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} Sek.</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} Min.</translation>
    </message>
    <message>
        <source>{0} min {1} s</source>
        <translation>{0} Min. {1} Sek.</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} Std.</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} Std. {1} Min.</translation>
    </message>
    <message>
        <source>{0} d</source>
        <translation>{0} T.</translation>
    </message>
    <message>
        <source>{0} d {1} h</source>
        <translation>{0} T. {1} Std.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Rückgängig: {0}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Wiederholen: {0}</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>A&amp;usschneiden</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>Dupl&amp;icate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>Weitersuchen</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>Rückwärts suchen</translation>
    </message>
    <message>
        <source>&amp;Edit text</source>
        <translation>Text &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Add &amp;stage</source>
        <translation>&amp;Phase hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;lane</source>
        <translation>Ba&amp;hn hinzufügen</translation>
    </message>
    <message>
        <source>Delete stage</source>
        <translation>Phase löschen</translation>
    </message>
    <message>
        <source>Delete lane</source>
        <translation>Bahn löschen</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit board</source>
        <translation>B&amp;oard einpassen</translation>
    </message>
    <message>
        <source>Show i&amp;mpact</source>
        <translation>&amp;Auswirkungen zeigen</translation>
    </message>
    <message>
        <source>Arran&amp;ge cards</source>
        <translation>Karten a&amp;nordnen</translation>
    </message>
    <message>
        <source>Add &amp;vote</source>
        <translation>&amp;Stimme hinzufügen</translation>
    </message>
    <message>
        <source>Re&amp;move vote</source>
        <translation>S&amp;timme entfernen</translation>
    </message>
    <message>
        <source>C&amp;onnect to…</source>
        <translation>&amp;Verbinden mit…</translation>
    </message>
    <message>
        <source>Select its ne&amp;xt arrow</source>
        <translation>Nächsten P&amp;feil der Karte auswählen</translation>
    </message>
    <message>
        <source>Move card left</source>
        <translation>Karte nach links verschieben</translation>
    </message>
    <message>
        <source>Move card right</source>
        <translation>Karte nach rechts verschieben</translation>
    </message>
    <message>
        <source>Move card up</source>
        <translation>Karte nach oben verschieben</translation>
    </message>
    <message>
        <source>Move card down</source>
        <translation>Karte nach unten verschieben</translation>
    </message>
    <message>
        <source>Raise emotio&amp;n score</source>
        <translation>Emotionswert &amp;erhöhen</translation>
    </message>
    <message>
        <source>Choose one or more cards first (click one; Ctrl+click or drag a band for more)</source>
        <translation>Zuerst eine oder mehrere Karten wählen (eine anklicken; für mehr Strg+Klick oder einen Rahmen ziehen)</translation>
    </message>
    <message>
        <source>Choose one card first (click it)</source>
        <translation>Zuerst eine Karte wählen (anklicken)</translation>
    </message>
    <message>
        <source>Deletes what is chosen: cards, arrows, a stage or a lane (click it first)</source>
        <translation>Löscht, was gewählt ist: Karten, Pfeile, eine Phase oder eine Bahn (zuerst anklicken)</translation>
    </message>
    <message>
        <source>Deletes the chosen stage with its cards (click its header, a cell or a card first)</source>
        <translation>Löscht die gewählte Phase mit ihren Karten (zuerst ihre Überschrift, eine Zelle oder eine Karte anklicken)</translation>
    </message>
    <message>
        <source>Deletes the chosen lane with its cards (click its header, a cell or a card first)</source>
        <translation>Löscht die gewählte Bahn mit ihren Karten (zuerst ihre Überschrift, eine Zelle oder eine Karte anklicken)</translation>
    </message>
    <message>
        <source>Choose a card of an emotion lane first</source>
        <translation>Zuerst eine Karte einer Emotionsbahn wählen</translation>
    </message>
    <message>
        <source>Pastes cards copied in Touchline, or lines of text as cards</source>
        <translation>Fügt in Touchline kopierte Karten ein, oder Textzeilen als Karten</translation>
    </message>
    <message>
        <source>Raise emotion score</source>
        <translation>Emotionswert erhöhen</translation>
    </message>
    <message>
        <source>Only emotion cards and cards with a score have one to step: Properties › Score gives any card one</source>
        <translation>Nur Emotionskarten und Karten mit Bewertung haben eine, die sich stufen lässt: Eigenschaften › Bewertung gibt jeder Karte eine</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n card(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>%n Karte gelöscht (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>%n Karten gelöscht (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n arrow(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>%n Pfeil gelöscht (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>%n Pfeile gelöscht (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted stage “{0}” with %n card(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Phase „{0}“ mit %n Karte gelöscht (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>Phase „{0}“ mit %n Karten gelöscht (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted stage “{0}” (Ctrl+Z undoes it)</source>
        <translation>Phase „{0}“ gelöscht (Strg+Z macht es rückgängig)</translation>
    </message>
    <message numerus="yes">
        <source>Deleted lane “{0}” with %n card(s) (Ctrl+Z undoes it)</source>
        <translation>
            <numerusform>Bahn „{0}“ mit %n Karte gelöscht (Strg+Z macht es rückgängig)</numerusform>
            <numerusform>Bahn „{0}“ mit %n Karten gelöscht (Strg+Z macht es rückgängig)</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted lane “{0}” (Ctrl+Z undoes it)</source>
        <translation>Bahn „{0}“ gelöscht (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Lane kind: {0}, from its name (Properties › Kind changes it)</source>
        <translation>Bahnart: {0}, nach ihrem Namen (Eigenschaften › Art ändert sie)</translation>
    </message>
    <message>
        <source>{0}: affects {1}, {2} (lit); relies on {3} (half-lit). Esc to leave.</source>
        <translation>{0}: beeinflusst {1}, {2} (hell); hängt von {3} ab (halb hell). Esc zum Verlassen.</translation>
    </message>
    <message>
        <source>A stage moves left or right: Ctrl+Left or Ctrl+Right</source>
        <translation>Eine Phase wandert nach links oder rechts: Strg+Links oder Strg+Rechts</translation>
    </message>
    <message>
        <source>A lane moves up or down: Ctrl+Up or Ctrl+Down</source>
        <translation>Eine Bahn wandert nach oben oder unten: Strg+Hoch oder Strg+Herunter</translation>
    </message>
    <message>
        <source>Not moved: the stage is already at the edge of the board</source>
        <translation>Nicht verschoben: Die Phase steht schon am Rand des Boards</translation>
    </message>
    <message>
        <source>Not moved: the lane is already at the edge of the board</source>
        <translation>Nicht verschoben: Die Bahn steht schon am Rand des Boards</translation>
    </message>
    <message>
        <source>This card has no arrows: L connects it to another</source>
        <translation>Diese Karte hat keine Pfeile: L verbindet sie mit einer anderen</translation>
    </message>
    <message>
        <source>Lo&amp;wer emotion score</source>
        <translation>E&amp;motionswert senken</translation>
    </message>
    <message>
        <source>Lower emotion score</source>
        <translation>Emotionswert senken</translation>
    </message>
    <message>
        <source>Already at {0}, the highest score</source>
        <translation>Schon bei {0}, der höchsten Bewertung</translation>
    </message>
    <message>
        <source>Already at {0}, the lowest score</source>
        <translation>Schon bei {0}, der niedrigsten Bewertung</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n card(s)</source>
        <translation>
            <numerusform>%n Karte kopiert</numerusform>
            <numerusform>%n Karten kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n card(s)</source>
        <translation>
            <numerusform>%n Karte ausschneiden</numerusform>
            <numerusform>%n Karten ausschneiden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cut %n card(s)</source>
        <comment>done</comment>
        <translation>
            <numerusform>%n Karte ausgeschnitten</numerusform>
            <numerusform>%n Karten ausgeschnitten</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing pasted: the cards on the clipboard cannot be read ({0})</source>
        <translation>Nichts eingefügt: Die Karten in der Zwischenablage sind nicht lesbar ({0})</translation>
    </message>
    <message>
        <source>Nothing to paste: the clipboard holds no cards and no text</source>
        <translation>Nichts einzufügen: Die Zwischenablage enthält weder Karten noch Text</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n card(s)</source>
        <translation>
            <numerusform>%n Karte einfügen</numerusform>
            <numerusform>%n Karten einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n card(s)</source>
        <translation>
            <numerusform>%n Karte eingefügt</numerusform>
            <numerusform>%n Karten eingefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n card(s)</source>
        <translation>
            <numerusform>%n Karte duplizieren</numerusform>
            <numerusform>%n Karten duplizieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Duplicated %n card(s)</source>
        <translation>
            <numerusform>%n Karte dupliziert</numerusform>
            <numerusform>%n Karten dupliziert</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing pasted: the board has no cell yet (add a stage and a lane first)</source>
        <translation>Nichts eingefügt: Das Board hat noch keine Zelle (zuerst eine Phase und eine Bahn hinzufügen)</translation>
    </message>
    <message>
        <source>Nothing pasted: {0} more cards would be more than the {1} a board holds</source>
        <translation>Nichts eingefügt: {0} Karten mehr wären mehr als die {1}, die ein Board fasst</translation>
    </message>
    <message>
        <source>Stage {0}</source>
        <translation>Phase {0}</translation>
    </message>
    <message>
        <source>New lane</source>
        <translation>Neue Bahn</translation>
    </message>
    <message>
        <source>Arranging cards…</source>
        <translation>Karten werden angeordnet…</translation>
    </message>
    <message>
        <source>This card</source>
        <translation>Diese Karte</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n Karte</numerusform>
            <numerusform>%n Karten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer step(s)</source>
        <translation>
            <numerusform>%n Kundenschritt</numerusform>
            <numerusform>%n Kundenschritte</numerusform>
        </translation>
    </message>
    <message>
        <source>Not moved: a chosen card is at the edge of the board</source>
        <translation>Nicht verschoben: Eine gewählte Karte steht am Rand des Boards</translation>
    </message>
    <message>
        <source>Not moved: the card is at the edge of the board</source>
        <translation>Nicht verschoben: Die Karte steht am Rand des Boards</translation>
    </message>
    <message>
        <source>Connect: choose the other card with the arrow keys; Enter links them, Esc cancels</source>
        <translation>Verbinden: die andere Karte mit den Pfeiltasten wählen; Eingabe verbindet, Esc bricht ab</translation>
    </message>
    <message>
        <source>Fit: one page the size of the board</source>
        <translation>Einpassen: eine Seite in der Größe des Boards</translation>
    </message>
    <message>
        <source>Tabloid (11 × 17 in)</source>
        <translation>Tabloid (11 × 17 Zoll)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Paper size, orientation and tiling of the printed sheets, with a preview of them</source>
        <translation>Papierformat, Ausrichtung und Aufteilung der gedruckten Blätter, mit einer Vorschau</translation>
    </message>
    <message>
        <source>Paper size, orientation and tiling of the PDF, with a preview of its pages</source>
        <translation>Papierformat, Ausrichtung und Aufteilung des PDF, mit einer Vorschau der Seiten</translation>
    </message>
    <message>
        <source>The paper size of the PDF, or one page the size of the board</source>
        <translation>Das Papierformat des PDF oder eine Seite in der Größe des Boards</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Hochformat</translation>
    </message>
    <message>
        <source>Print the sheets upright instead of across (with a paper size)</source>
        <translation>Die Blätter hochkant statt quer drucken (mit einem Papierformat)</translation>
    </message>
    <message>
        <source>Tile across several pages (readable poster: card text 9–10 pt)</source>
        <translation>Auf mehrere Seiten verteilen (lesbares Poster: Kartentext 9–10 pt)</translation>
    </message>
    <message>
        <source>Print the board as a poster over as many sheets as it takes (with a paper size)</source>
        <translation>Das Board als Poster über so viele Blätter drucken wie nötig (mit einem Papierformat)</translation>
    </message>
    <message>
        <source>Preview of the pages</source>
        <translation>Vorschau der Seiten</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Choose where to write the PDF</source>
        <translation>Wählen, wohin das PDF geschrieben wird</translation>
    </message>
    <message>
        <source>Choose the printer</source>
        <translation>Den Drucker wählen</translation>
    </message>
    <message>
        <source>Close without exporting</source>
        <translation>Schließen, ohne zu exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) longer than {0} lines end in an ellipsis; the full text is the card&apos;s tooltip (a PDF prints it on a page of its own)</source>
        <translation>
            <numerusform>%n Karte mit mehr als {0} Zeilen endet mit Auslassungspunkten; der volle Text ist ihr Tooltip (ein PDF druckt ihn auf einer eigenen Seite)</numerusform>
            <numerusform>%n Karten mit mehr als {0} Zeilen enden mit Auslassungspunkten; der volle Text ist jeweils ihr Tooltip (ein PDF druckt ihn auf einer eigenen Seite)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} and %n more</source>
        <translation>
            <numerusform>{0} und %n weiteres</numerusform>
            <numerusform>{0} und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>no installed font can draw {0}; drawn as {1} boxes</source>
        <translation>keine installierte Schrift kann {0} darstellen; als {1}-Kästchen gezeichnet</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) of {0} × {1} mm, board at {2} % (card text {3} pt)</source>
        <translation>
            <numerusform>%n Seite {0} × {1} mm, Board bei {2} % (Kartentext {3} pt)</numerusform>
            <numerusform>%n Seiten {0} × {1} mm, Board bei {2} % (Kartentext {3} pt)</numerusform>
        </translation>
    </message>
    <message>
        <source>ticking Portrait gives {0} pt</source>
        <translation>mit „Hochformat“ werden es {0} pt</translation>
    </message>
    <message>
        <source>Close without printing</source>
        <translation>Schließen, ohne zu drucken</translation>
    </message>
    <message>
        <source>card text is {0} pt on one {1} page (under {2} pt); tick “Tile across several pages” to print a readable poster</source>
        <translation>Kartentext ist {0} pt auf einer Seite {1} (unter {2} pt); „Auf mehrere Seiten verteilen“ ankreuzen, um ein lesbares Poster zu drucken</translation>
    </message>
    <message>
        <source>unticking Portrait gives {0} pt</source>
        <translation>ohne „Hochformat“ werden es {0} pt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Touchline</source>
        <translation>Touchline</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Touchline files (*.touchline)</source>
        <translation>Touchline-Dateien (*.touchline)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>draw.io diagram (*.drawio)</source>
        <translation>draw.io-Diagramm (*.drawio)</translation>
    </message>
    <message>
        <source>Mermaid journey (*.mmd)</source>
        <translation>Mermaid-Journey (*.mmd)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Mermaid journey…</source>
        <translation>Mermaid-Journey…</translation>
    </message>
    <message>
        <source>CSV table…</source>
        <translation>CSV-Tabelle…</translation>
    </message>
    <message>
        <source>Mermaid journeys and CSV tables (*.mmd *.mermaid *.csv);;Mermaid journey (*.mmd *.mermaid);;CSV table (*.csv)</source>
        <translation>Mermaid-Journeys und CSV-Tabellen (*.mmd *.mermaid *.csv);;Mermaid-Journey (*.mmd *.mermaid);;CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Service blueprint</source>
        <translation>Service Blueprint</translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation>Journey Map</translation>
    </message>
    <message>
        <source>Exporting “{0}”…</source>
        <translation>„{0}“ wird exportiert…</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Zoom: Ctrl+0 fits the board, Ctrl+1 is 100%</source>
        <translation>Zoom: Strg+0 zeigt das ganze Board, Strg+1 ist 100 %</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New from template</source>
        <translation>&amp;Neu aus Vorlage</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt verwendet</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>Cop&amp;y as Image</source>
        <translation>Als Bild k&amp;opieren</translation>
    </message>
    <message>
        <source>Copy the selected cards, or the whole board, as a picture</source>
        <translation>Die ausgewählten Karten oder das ganze Board als Bild kopieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Next Pane</source>
        <translation>Nächster Bereich</translation>
    </message>
    <message>
        <source>Previous Pane</source>
        <translation>Vorheriger Bereich</translation>
    </message>
    <message>
        <source>&amp;Properties Panel</source>
        <translation>&amp;Eigenschaften-Leiste</translation>
    </message>
    <message>
        <source>&amp;Checks Panel</source>
        <translation>&amp;Prüfungen-Leiste</translation>
    </message>
    <message>
        <source>Perso&amp;nas Panel</source>
        <translation>Perso&amp;nas-Leiste</translation>
    </message>
    <message>
        <source>&amp;Clear menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>{0}%</source>
        <translation>{0} %</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>Could not create a document</source>
        <translation>Dokument konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>The {0} template could not be loaded.

{1}</source>
        <translation>Die Vorlage {0} konnte nicht geladen werden.

{1}</translation>
    </message>
    <message>
        <source>Opening “{0}”…</source>
        <translation>„{0}“ wird geöffnet…</translation>
    </message>
    <message>
        <source>Opening {0} cancelled: nothing changed</source>
        <translation>Öffnen von {0} abgebrochen: nichts geändert</translation>
    </message>
    <message>
        <source>Could not open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>“{0}” could not be opened.

{1}: {2}</source>
        <translation>„{0}“ konnte nicht geöffnet werden.

{1}: {2}</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>{0} geöffnet</translation>
    </message>
    <message>
        <source>“{0}” could not be saved.

{1}</source>
        <translation>„{0}“ konnte nicht gespeichert werden.

{1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} gespeichert</translation>
    </message>
    <message>
        <source>Export of {0} cancelled: no file written</source>
        <translation>Export von {0} abgebrochen: keine Datei geschrieben</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>Export nicht möglich</translation>
    </message>
    <message>
        <source>“{0}” could not be exported.

{1}</source>
        <translation>„{0}“ konnte nicht exportiert werden.

{1}</translation>
    </message>
    <message>
        <source>Exported {0} — {1}</source>
        <translation>{0} exportiert — {1}</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>{0} exportiert</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n card(s) as an image</source>
        <translation>
            <numerusform>%n Karte als Bild kopiert</numerusform>
            <numerusform>%n Karten als Bild kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied the board as an image</source>
        <translation>Das Board als Bild kopiert</translation>
    </message>
    <message>
        <source>Could not import</source>
        <translation>Import nicht möglich</translation>
    </message>
    <message>
        <source>“{0}” could not be imported.

{1}: {2}</source>
        <translation>„{0}“ konnte nicht importiert werden.

{1}: {2}</translation>
    </message>
    <message>
        <source>Imported {0}</source>
        <translation>{0} importiert</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Wird gedruckt…</translation>
    </message>
    <message>
        <source>Printing cancelled: nothing was sent to the printer</source>
        <translation>Drucken abgebrochen: nichts wurde an den Drucker geschickt</translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation>Drucken nicht möglich</translation>
    </message>
    <message>
        <source>The board could not be printed: {0}.</source>
        <translation>Das Board konnte nicht gedruckt werden: {0}.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n sheet(s) to {0}</source>
        <translation>
            <numerusform>%n Blatt an {0} geschickt</numerusform>
            <numerusform>%n Blätter an {0} geschickt</numerusform>
        </translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Nothing is lost: the board is still open here. Save it somewhere else?</source>
        <translation>Nichts ist verloren: Das Board ist hier noch offen. An einem anderen Ort speichern?</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <source>“{0}” already exists.</source>
        <translation>„{0}“ gibt es schon.</translation>
    </message>
    <message>
        <source>Do you want to replace it?</source>
        <translation>Möchten Sie die Datei ersetzen?</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Export as {0}</source>
        <translation>Als {0} exportieren</translation>
    </message>
    <message>
        <source>Go on without it, or go back and fix it?</source>
        <translation>Ohne sie fortfahren oder zurückgehen und sie korrigieren?</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Go On Without It</source>
        <translation>Ohne sie fortfahren</translation>
    </message>
    <message>
        <source>Do you want to save the changes to “{0}”?</source>
        <translation>Möchten Sie die Änderungen an „{0}“ speichern?</translation>
    </message>
    <message>
        <source>Your changes will be lost if you don&apos;t save them.</source>
        <translation>Ihre Änderungen gehen verloren, wenn Sie sie nicht speichern.</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Einstellun&amp;gen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Start Screen</source>
        <translation>&amp;Startbildschirm</translation>
    </message>
    <message>
        <source>&amp;About Touchline</source>
        <translation>Ü&amp;ber Touchline</translation>
    </message>
    <message>
        <source>About Touchline</source>
        <translation>Über Touchline</translation>
    </message>
    <message>
        <source>&lt;b&gt;Touchline&lt;/b&gt; {0}&lt;br&gt;Customer journey maps and service blueprints, offline.</source>
        <translation>&lt;b&gt;Touchline&lt;/b&gt; {0}&lt;br&gt;Customer Journey Maps und Service Blueprints, offline.</translation>
    </message>
    <message>
        <source>&amp;Add persona</source>
        <translation>Persona h&amp;inzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Persona name</source>
        <translation>Name der Persona</translation>
    </message>
    <message>
        <source>Persona role</source>
        <translation>Rolle der Persona</translation>
    </message>
    <message>
        <source>Persona quote</source>
        <translation>Zitat der Persona</translation>
    </message>
    <message>
        <source>Persona goals</source>
        <translation>Ziele der Persona</translation>
    </message>
    <message>
        <source>One goal a line</source>
        <translation>Ein Ziel je Zeile</translation>
    </message>
    <message>
        <source>Persona pains</source>
        <translation>Schmerzpunkte der Persona</translation>
    </message>
    <message>
        <source>One pain a line</source>
        <translation>Ein Schmerzpunkt je Zeile</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>R&amp;ole</source>
        <translation>R&amp;olle</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Zitat</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>Zie&amp;le</translation>
    </message>
    <message>
        <source>&amp;Pains</source>
        <translation>&amp;Schmerzpunkte</translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>Neue Persona</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Touchline&apos;s language and start-up settings</source>
        <translation>Sprache und Start-Einstellungen von Touchline</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language of menus and dialogs, from the next start</source>
        <translation>Die Sprache der Menüs und Dialoge, ab dem nächsten Start</translation>
    </message>
    <message>
        <source>Show the start screen when Touchline starts without a file</source>
        <translation>Startbildschirm zeigen, wenn Touchline ohne Datei startet</translation>
    </message>
    <message>
        <source>Show the start screen</source>
        <translation>Startbildschirm zeigen</translation>
    </message>
    <message>
        <source>When Touchline starts without a file</source>
        <translation>Wenn Touchline ohne Datei startet</translation>
    </message>
    <message>
        <source>A new language applies when Touchline starts next time.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Touchline.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>Keep these settings</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Schließen, ohne etwas zu ändern</translation>
    </message>
    <message>
        <source>Line {0}: write a metric as name = value, e.g. NPS = 32</source>
        <translation>Zeile {0}: eine Kennzahl als Name = Wert schreiben, z. B. NPS = 32</translation>
    </message>
    <message>
        <source>Line {0}: “{1}” is not a number</source>
        <translation>Zeile {0}: „{1}“ ist keine Zahl</translation>
    </message>
    <message>
        <source>Line {0}: “{1}” is on line {2} already</source>
        <translation>Zeile {0}: „{1}“ steht schon in Zeile {2}</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Two-way</source>
        <translation>Wechselseitig</translation>
    </message>
    <message>
        <source>Select a card, link, lane or stage to edit it. With nothing selected, you edit the board here.</source>
        <translation>Wählen Sie eine Karte, eine Verbindung, eine Bahn oder eine Phase, um sie zu bearbeiten. Ist nichts ausgewählt, bearbeiten Sie hier das Board.</translation>
    </message>
    <message>
        <source>Several items are selected. Select just one to edit its properties.</source>
        <translation>Mehrere Elemente sind ausgewählt. Wählen Sie nur eines, um seine Eigenschaften zu bearbeiten.</translation>
    </message>
    <message>
        <source>No board is open.</source>
        <translation>Kein Board geöffnet.</translation>
    </message>
    <message>
        <source>Untitled service blueprint</source>
        <translation>Unbenannter Service-Blueprint</translation>
    </message>
    <message>
        <source>Untitled journey map</source>
        <translation>Unbenannte Customer Journey Map</translation>
    </message>
    <message>
        <source>Physical evidence</source>
        <translation>Physische Belege</translation>
    </message>
    <message>
        <source>Customer actions</source>
        <translation>Kundenaktionen</translation>
    </message>
    <message>
        <source>Frontstage</source>
        <translation>Frontstage</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>Backstage</translation>
    </message>
    <message>
        <source>Support processes</source>
        <translation>Unterstützende Prozesse</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Touchpoints</translation>
    </message>
    <message>
        <source>Doing</source>
        <translation>Tun</translation>
    </message>
    <message>
        <source>Feeling</source>
        <translation>Fühlen</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Denken</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>Emotionen</translation>
    </message>
    <message>
        <source>Thoughts</source>
        <translation>Gedanken</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Schmerzpunkte</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Chancen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Very negative</source>
        <translation>Sehr negativ</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Very positive</source>
        <translation>Sehr positiv</translation>
    </message>
    <message>
        <source>Card text</source>
        <translation>Kartentext</translation>
    </message>
    <message>
        <source>The text on the card (Ctrl+Enter to apply)</source>
        <translation>Der Text auf der Karte (Strg+Eingabe übernimmt)</translation>
    </message>
    <message>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <source>Card colour</source>
        <translation>Kartenfarbe</translation>
    </message>
    <message>
        <source>Choose the card&apos;s fill colour</source>
        <translation>Die Füllfarbe der Karte wählen</translation>
    </message>
    <message>
        <source>Lane colour</source>
        <translation>Farbe der Bahn</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Default card colour</source>
        <translation>Standard-Kartenfarbe</translation>
    </message>
    <message>
        <source>Use the lane&apos;s colour for this card</source>
        <translation>Für diese Karte die Farbe der Bahn verwenden</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>&amp;Farbe</translation>
    </message>
    <message>
        <source>Fail point</source>
        <translation>Fehlerpunkt</translation>
    </message>
    <message>
        <source>Mark the card as a fail point</source>
        <translation>Die Karte als Fehlerpunkt markieren</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>A wait point, e.g. 5 min; empty for none</source>
        <translation>Ein Wartepunkt, z. B. 5 min; leer für keinen</translation>
    </message>
    <message>
        <source>e.g. 5 min</source>
        <translation>z. B. 5 min</translation>
    </message>
    <message>
        <source>&amp;Wait</source>
        <translation>&amp;Wartezeit</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>The channel of this step; empty for none</source>
        <translation>Der Kanal dieses Schritts; leer für keinen</translation>
    </message>
    <message>
        <source>Channe&amp;l</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>How the customer feels at this step</source>
        <translation>Wie sich der Kunde bei diesem Schritt fühlt</translation>
    </message>
    <message>
        <source>&amp;Score</source>
        <translation>Bewe&amp;rtung</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Whose step this is; shown as a small badge</source>
        <translation>Wessen Schritt das ist; als kleines Abzeichen gezeigt</translation>
    </message>
    <message>
        <source>&amp;Persona</source>
        <translation>&amp;Persona</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Comma-separated tags</source>
        <translation>Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>comma, separated</source>
        <translation>durch, Kommas, getrennt</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>Longer notes, not drawn on the card</source>
        <translation>Längere Notizen, nicht auf der Karte gezeichnet</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Link label</source>
        <translation>Beschriftung der Verbindung</translation>
    </message>
    <message>
        <source>Text drawn on the arrow; empty for none</source>
        <translation>Text am Pfeil; leer für keinen</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>Besch&amp;riftung</translation>
    </message>
    <message>
        <source>Link kind</source>
        <translation>Art der Verbindung</translation>
    </message>
    <message>
        <source>Flow, dependency or two-way</source>
        <translation>Ablauf, Abhängigkeit oder wechselseitig</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>Ar&amp;t</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Bahn</translation>
    </message>
    <message>
        <source>Lane name</source>
        <translation>Name der Bahn</translation>
    </message>
    <message>
        <source>Lane kind</source>
        <translation>Art der Bahn</translation>
    </message>
    <message>
        <source>Decides colours and blueprint lines</source>
        <translation>Bestimmt Farben und Blueprint-Linien</translation>
    </message>
    <message>
        <source>Stage name</source>
        <translation>Name der Phase</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>Stage metrics</source>
        <translation>Kennzahlen der Phase</translation>
    </message>
    <message>
        <source>One metric a line, as name = value, e.g. NPS = 32 (Ctrl+Enter to apply)</source>
        <translation>Eine Kennzahl je Zeile, als Name = Wert, z. B. NPS = 32 (Strg+Eingabe übernimmt)</translation>
    </message>
    <message>
        <source>NPS = 32
CES = 4.1</source>
        <translation>NPS = 32
CES = 4,1</translation>
    </message>
    <message>
        <source>Me&amp;trics</source>
        <translation>Kenn&amp;zahlen</translation>
    </message>
    <message>
        <source>Board title</source>
        <translation>Titel des Boards</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Board description</source>
        <translation>Beschreibung des Boards</translation>
    </message>
    <message>
        <source>Free text shown under the title</source>
        <translation>Freier Text unter dem Titel</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>Beschreib&amp;ung</translation>
    </message>
    <message>
        <source>Language of the board&apos;s own words</source>
        <translation>Sprache der Beschriftungen des Boards</translation>
    </message>
    <message>
        <source>The language Touchline writes the blueprint&apos;s lines, the legend and the persona headings in, on screen and in every export; saved with the board</source>
        <translation>Die Sprache, in der Touchline die Linien des Blueprints, die Legende und die Überschriften der Personas schreibt, auf dem Bildschirm und in jedem Export; wird mit dem Board gespeichert</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>The metrics typed for “{0}” are not applied ({1}): they wait in the Properties panel until fixed.</source>
        <translation>Die für „{0}“ eingegebenen Kennzahlen sind nicht übernommen ({1}): Sie warten in der Eigenschaften-Leiste, bis sie berichtigt sind.</translation>
    </message>
    <message>
        <source>Nor are those typed for: {0}.</source>
        <translation>Ebenso wenig die eingegebenen für: {0}.</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Line {0}: “{1}” could be read two ways: write {2} or {3}</source>
        <translation>Zeile {0}: „{1}“ lässt sich zweifach lesen: {2} oder {3} schreiben</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>The metrics typed for the stage “{0}” are not applied. {1}</source>
        <translation>Die für die Phase „{0}“ eingegebenen Kennzahlen sind nicht übernommen. {1}</translation>
    </message>
    <message>
        <source>never saved</source>
        <translation>nie gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved change(s)</source>
        <translation>
            <numerusform>%n ungespeicherte Änderung</numerusform>
            <numerusform>%n ungespeicherte Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” ({1}), autosaved {2}, {3}</source>
        <translation>„{0}“ ({1}), automatisch gesichert {2}, {3}</translation>
    </message>
    <message>
        <source>{0}: the folder {1} does not exist</source>
        <translation>{0}: Der Ordner {1} existiert nicht</translation>
    </message>
    <message>
        <source>{0}: is a folder</source>
        <translation>{0}: ist ein Ordner</translation>
    </message>
    <message>
        <source>{0}: {1}; it was not changed</source>
        <translation>{0}: {1}; die Datei wurde nicht geändert</translation>
    </message>
    <message>
        <source>{0}: cannot write: {1}; the file on disk was not changed</source>
        <translation>{0}: Schreiben nicht möglich: {1}; die Datei auf dem Datenträger wurde nicht geändert</translation>
    </message>
    <message>
        <source>{0}: cannot create a file in the folder {1} ({2}); the file on disk was not changed</source>
        <translation>{0}: Im Ordner {1} lässt sich keine Datei anlegen ({2}); die Datei auf dem Datenträger wurde nicht geändert</translation>
    </message>
    <message>
        <source>{0}: cannot write: {1}</source>
        <translation>{0}: Schreiben nicht möglich: {1}</translation>
    </message>
    <message>
        <source>the disk is full (no space left on device)</source>
        <translation>der Datenträger ist voll (kein Speicherplatz mehr frei)</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>das Speicherkontingent ist aufgebraucht</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>der Datenträger ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>die Datei ist schreibgeschützt</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>keine Berechtigung</translation>
    </message>
    <message>
        <source>the operation is not permitted</source>
        <translation>der Vorgang ist nicht erlaubt</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>der Dateiname ist zu lang</translation>
    </message>
    <message>
        <source>the file is too large for this disk</source>
        <translation>die Datei ist zu groß für diesen Datenträger</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>der Datenträger meldete einen Ein-/Ausgabefehler</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht gefunden</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>ist ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>cannot be read ({0})</source>
        <translation>nicht lesbar ({0})</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Vorgang nicht erlaubt</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Ein-/Ausgabefehler</translation>
    </message>
    <message>
        <source>the file is {0}, more than the {1} Touchline opens</source>
        <translation>die Datei ist {0} groß, mehr als die {1}, die Touchline öffnet</translation>
    </message>
    <message>
        <source>more than the {0} Touchline opens</source>
        <translation>mehr als die {0}, die Touchline öffnet</translation>
    </message>
    <message>
        <source>line {0}, column {1}: not valid JSON: {2}</source>
        <translation>Zeile {0}, Spalte {1}: kein gültiges JSON: {2}</translation>
    </message>
    <message>
        <source>a value is missing here</source>
        <translation>hier fehlt ein Wert</translation>
    </message>
    <message>
        <source>a text value starts here and is never closed (a missing &quot;)</source>
        <translation>hier beginnt ein Textwert, der nie geschlossen wird (fehlt ein &quot;?)</translation>
    </message>
    <message>
        <source>a comma is missing before this</source>
        <translation>davor fehlt ein Komma</translation>
    </message>
    <message>
        <source>a colon is missing after the name</source>
        <translation>nach dem Namen fehlt ein Doppelpunkt</translation>
    </message>
    <message>
        <source>a name in double quotes was expected (a comma too many?)</source>
        <translation>erwartet war ein Name in doppelten Anführungszeichen (ein Komma zu viel?)</translation>
    </message>
    <message>
        <source>something follows the end of the data</source>
        <translation>nach dem Ende der Daten folgt noch etwas</translation>
    </message>
    <message>
        <source>a line break or tab inside a text value (write it as \n or \t)</source>
        <translation>ein Zeilenumbruch oder Tabulator in einem Textwert (als \n oder \t schreiben)</translation>
    </message>
    <message>
        <source>a backslash that starts no valid escape (write \\ for one backslash)</source>
        <translation>ein Backslash, der keine gültige Escape-Sequenz beginnt (für einen Backslash \\ schreiben)</translation>
    </message>
    <message>
        <source>the file ends early, before the document is closed (cut off?)</source>
        <translation>die Datei endet zu früh, bevor das Dokument geschlossen ist (abgeschnitten?)</translation>
    </message>
    <message>
        <source>the file ends inside a text value that starts here (a missing &quot; or a file cut off?)</source>
        <translation>die Datei endet in einem Textwert, der hier beginnt (fehlt ein &quot; oder ist die Datei abgeschnitten?)</translation>
    </message>
    <message>
        <source>the file is empty (no JSON in it)</source>
        <translation>die Datei ist leer (kein JSON darin)</translation>
    </message>
    <message>
        <source>byte {0}: not valid UTF-8</source>
        <translation>Byte {0}: kein gültiges UTF-8</translation>
    </message>
    <message>
        <source>expected text or bytes</source>
        <translation>Text oder Bytes erwartet</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>das JSON ist zu tief verschachtelt</translation>
    </message>
    <message>
        <source>unreadable document ({0}: {1})</source>
        <translation>unlesbares Dokument ({0}: {1})</translation>
    </message>
    <message>
        <source>not valid JSON ({0} is not a JSON number)</source>
        <translation>kein gültiges JSON ({0} ist keine JSON-Zahl)</translation>
    </message>
    <message>
        <source>the number {0} is too large for Touchline</source>
        <translation>die Zahl {0} ist zu groß für Touchline</translation>
    </message>
    <message>
        <source>a number with {0} digits is too long for Touchline</source>
        <translation>eine Zahl mit {0} Ziffern ist zu lang für Touchline</translation>
    </message>
    <message>
        <source>the document: holds an unpaired surrogate (not Unicode text)</source>
        <translation>das Dokument: enthält ein ungepaartes Surrogat (kein Unicode-Text)</translation>
    </message>
    <message>
        <source>{0}: holds an unpaired surrogate (not Unicode text)</source>
        <translation>{0}: enthält ein ungepaartes Surrogat (kein Unicode-Text)</translation>
    </message>
    <message>
        <source>the top level: a key holds an unpaired surrogate (not Unicode text)</source>
        <translation>oberste Ebene: ein Schlüssel enthält ein ungepaartes Surrogat (kein Unicode-Text)</translation>
    </message>
    <message>
        <source>{0}: a key holds an unpaired surrogate (not Unicode text)</source>
        <translation>{0}: ein Schlüssel enthält ein ungepaartes Surrogat (kein Unicode-Text)</translation>
    </message>
    <message>
        <source>not a Touchline document (the top level is not an object)</source>
        <translation>kein Touchline-Dokument (die oberste Ebene ist kein Objekt)</translation>
    </message>
    <message>
        <source>not a Touchline document (&quot;format&quot; is not &quot;touchline&quot;)</source>
        <translation>kein Touchline-Dokument („format“ ist nicht „touchline“)</translation>
    </message>
    <message>
        <source>version: expected a whole number</source>
        <translation>version: ganze Zahl erwartet</translation>
    </message>
    <message>
        <source>version {0} is newer than this Touchline understands ({1})</source>
        <translation>Version {0} ist neuer als die, die dieses Touchline versteht ({1})</translation>
    </message>
    <message>
        <source>version: {0} is not a Touchline version</source>
        <translation>version: {0} ist keine Touchline-Version</translation>
    </message>
    <message>
        <source>{0}: {1} {0} is more than the {2} Touchline opens</source>
        <translation>{0}: {1} Einträge in {0} sind mehr als die {2}, die Touchline öffnet</translation>
    </message>
    <message>
        <source>{0}: nested more than {1} levels deep</source>
        <translation>{0}: mehr als {1} Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <source>{0}: expected an object</source>
        <translation>{0}: Objekt erwartet</translation>
    </message>
    <message>
        <source>{0}: missing</source>
        <translation>{0}: fehlt</translation>
    </message>
    <message>
        <source>{0}: expected a list</source>
        <translation>{0}: Liste erwartet</translation>
    </message>
    <message>
        <source>{0}: expected a string</source>
        <translation>{0}: Text erwartet</translation>
    </message>
    <message>
        <source>{0}: must not be empty</source>
        <translation>{0}: darf nicht leer sein</translation>
    </message>
    <message>
        <source>{0}: expected a list of strings</source>
        <translation>{0}: Liste von Texten erwartet</translation>
    </message>
    <message>
        <source>{0}: expected an object of numbers</source>
        <translation>{0}: Objekt mit Zahlen erwartet</translation>
    </message>
    <message>
        <source>{0}: expected a number</source>
        <translation>{0}: Zahl erwartet</translation>
    </message>
    <message>
        <source>{0}: expected a finite number</source>
        <translation>{0}: endliche Zahl erwartet</translation>
    </message>
    <message>
        <source>{0}: unknown lane kind &quot;{1}&quot; (one of {2})</source>
        <translation>{0}: unbekannte Bahnart „{1}“ (möglich: {2})</translation>
    </message>
    <message>
        <source>{0}: &quot;{1}&quot; is not a colour of the form &quot;#rrggbb&quot;</source>
        <translation>{0}: „{1}“ ist keine Farbe der Form „#rrggbb“</translation>
    </message>
    <message>
        <source>{0}: expected a whole number from {1} to {2}</source>
        <translation>{0}: ganze Zahl von {1} bis {2} erwartet</translation>
    </message>
    <message>
        <source>{0}: {1} is outside {2}…{3}</source>
        <translation>{0}: {1} liegt außerhalb von {2}…{3}</translation>
    </message>
    <message>
        <source>{0}: expected true or false</source>
        <translation>{0}: true oder false erwartet</translation>
    </message>
    <message>
        <source>{0}: unknown link kind &quot;{1}&quot; (one of {2})</source>
        <translation>{0}: unbekannte Verbindungsart „{1}“ (möglich: {2})</translation>
    </message>
    <message>
        <source>{0}: duplicate id &quot;{1}&quot; (first used at {2})</source>
        <translation>{0}: doppelte ID „{1}“ (zuerst verwendet bei {2})</translation>
    </message>
    <message>
        <source>{0}: no lane with id &quot;{1}&quot;</source>
        <translation>{0}: keine Bahn mit der ID „{1}“</translation>
    </message>
    <message>
        <source>{0}: no stage with id &quot;{1}&quot;</source>
        <translation>{0}: keine Phase mit der ID „{1}“</translation>
    </message>
    <message>
        <source>{0}: no persona with id &quot;{1}&quot;</source>
        <translation>{0}: keine Persona mit der ID „{1}“</translation>
    </message>
    <message>
        <source>{0}: no card with id &quot;{1}&quot;</source>
        <translation>{0}: keine Karte mit der ID „{1}“</translation>
    </message>
    <message>
        <source>unknown input format ({0}); use .mmd or .mermaid (a Mermaid journey) or .csv</source>
        <translation>unbekanntes Eingabeformat ({0}); .mmd oder .mermaid (eine Mermaid-Journey) oder .csv verwenden</translation>
    </message>
    <message>
        <source>no suffix</source>
        <translation>ohne Endung</translation>
    </message>
    <message>
        <source>{0} {1} is more than the {2} Touchline opens</source>
        <translation>{0} Einträge ({1}) sind mehr als die {2}, die Touchline öffnet</translation>
    </message>
    <message>
        <source>row 1: the table is empty (it needs a header row: stage, lane, lane_kind, text)</source>
        <translation>Zeile 1: die Tabelle ist leer (sie braucht eine Kopfzeile: stage, lane, lane_kind, text)</translation>
    </message>
    <message>
        <source>row {0}: not a readable CSV row ({1})</source>
        <translation>Zeile {0}: keine lesbare CSV-Zeile ({1})</translation>
    </message>
    <message>
        <source>byte {0}: not valid UTF-16</source>
        <translation>Byte {0}: kein gültiges UTF-16</translation>
    </message>
    <message>
        <source>row {0}: not valid UTF-8 (byte {1}); save the table as &quot;CSV UTF-8&quot;</source>
        <translation>Zeile {0}: kein gültiges UTF-8 (Byte {1}); die Tabelle als „CSV UTF-8“ speichern</translation>
    </message>
    <message>
        <source>row 1, column {0}: appears twice (columns {1} and {2})</source>
        <translation>Zeile 1, Spalte {0}: kommt doppelt vor (Spalten {1} und {2})</translation>
    </message>
    <message>
        <source>row 1: no column {0} (the header row needs stage, lane, lane_kind, text)</source>
        <translation>Zeile 1: keine Spalte {0} (die Kopfzeile braucht stage, lane, lane_kind, text)</translation>
    </message>
    <message>
        <source>row {0}, column {1}: a value under no heading (the header has {2} columns)</source>
        <translation>Zeile {0}, Spalte {1}: ein Wert ohne Überschrift (die Kopfzeile hat {2} Spalten)</translation>
    </message>
    <message>
        <source>row {0}, column stage: empty (the first row of a table names its stage)</source>
        <translation>Zeile {0}, Spalte stage: leer (die erste Zeile einer Tabelle nennt ihre Phase)</translation>
    </message>
    <message>
        <source>row {0}, column lane: empty (the first card of a table names its lane)</source>
        <translation>Zeile {0}, Spalte lane: leer (die erste Karte einer Tabelle nennt ihre Bahn)</translation>
    </message>
    <message>
        <source>row {0}, column lane_kind: &quot;{1}&quot; but lane &quot;{2}&quot; is &quot;{3}&quot; (row {4})</source>
        <translation>Zeile {0}, Spalte lane_kind: „{1}“, aber die Bahn „{2}“ ist „{3}“ (Zeile {4})</translation>
    </message>
    <message>
        <source>row {0}, column lane_kind: &quot;{1}&quot; is not a lane kind (one of {2})</source>
        <translation>Zeile {0}, Spalte lane_kind: „{1}“ ist keine Bahnart (möglich: {2})</translation>
    </message>
    <message>
        <source>row {0}, column score: &quot;{1}&quot; is not a whole number from {2} to {3}</source>
        <translation>Zeile {0}, Spalte score: „{1}“ ist keine ganze Zahl von {2} bis {3}</translation>
    </message>
    <message>
        <source>row {0}, column fail: &quot;{1}&quot; is not yes or no</source>
        <translation>Zeile {0}, Spalte fail: „{1}“ ist weder „yes“ noch „no“</translation>
    </message>
    <message>
        <source>row {0}, column color: &quot;{1}&quot; is not a colour of the form &quot;#rrggbb&quot;</source>
        <translation>Zeile {0}, Spalte color: „{1}“ ist keine Farbe der Form „#rrggbb“</translation>
    </message>
    <message>
        <source>line 1: empty (a Mermaid journey starts with &quot;journey&quot;)</source>
        <translation>Zeile 1: leer (eine Mermaid-Journey beginnt mit „journey“)</translation>
    </message>
    <message>
        <source>line {0}: &quot;{1}&quot; is not a Mermaid journey (the diagram must start with &quot;journey&quot;)</source>
        <translation>Zeile {0}: „{1}“ ist keine Mermaid-Journey (das Diagramm muss mit „journey“ beginnen)</translation>
    </message>
    <message>
        <source>line {0}: the diagram must start with &quot;journey&quot;</source>
        <translation>Zeile {0}: das Diagramm muss mit „journey“ beginnen</translation>
    </message>
    <message>
        <source>line {0}: score &quot;{1}&quot; is not a number from 1 to 5</source>
        <translation>Zeile {0}: Bewertung „{1}“ ist keine Zahl von 1 bis 5</translation>
    </message>
    <message>
        <source>line {0}: score &quot;{1}&quot; is not a whole number from 1 to 5</source>
        <translation>Zeile {0}: Bewertung „{1}“ ist keine ganze Zahl von 1 bis 5</translation>
    </message>
    <message>
        <source>line {0}: task &quot;{1}&quot; has no score after &quot;:&quot; (write &quot;{1}: 3: Actor&quot;)</source>
        <translation>Zeile {0}: Aufgabe „{1}“ hat keine Bewertung nach „:“ („{1}: 3: Akteur“ schreiben)</translation>
    </message>
    <message>
        <source>line {0}: &quot;{1}&quot; is neither a title, a section nor a task (a task is written &quot;Name: score: actor, actor&quot;)</source>
        <translation>Zeile {0}: „{1}“ ist weder Titel noch Abschnitt noch Aufgabe (eine Aufgabe wird „Name: Bewertung: Akteur, Akteur“ geschrieben)</translation>
    </message>
    <message>
        <source>line {0}: unexpected &quot;{1}&quot; (Mermaid does not allow it here)</source>
        <translation>Zeile {0}: unerwartetes „{1}“ (Mermaid erlaubt es hier nicht)</translation>
    </message>
    <message>
        <source>line {0}: unexpected &quot;{1}&quot; (a section name cannot hold &quot;:&quot;)</source>
        <translation>Zeile {0}: unerwartetes „{1}“ (ein Abschnittsname darf kein „:“ enthalten)</translation>
    </message>
    <message>
        <source>line {0}: unexpected &quot;{1}&quot; (only the first line says &quot;journey&quot;)</source>
        <translation>Zeile {0}: unerwartetes „{1}“ (nur die erste Zeile lautet „journey“)</translation>
    </message>
    <message>
        <source>line {0}: unexpected &quot;{1}&quot;</source>
        <translation>Zeile {0}: unerwartetes „{1}“</translation>
    </message>
    <message>
        <source>Could not recover</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message>
        <source>“{0}” could not be recovered.

{1}</source>
        <translation>„{0}“ konnte nicht wiederhergestellt werden.

{1}</translation>
    </message>
    <message numerus="yes">
        <source>Recovered “{0}”: %n unsaved change(s)</source>
        <translation>
            <numerusform>„{0}“ wiederhergestellt: %n ungespeicherte Änderung</numerusform>
            <numerusform>„{0}“ wiederhergestellt: %n ungespeicherte Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” was deleted or moved on disk; Save writes it again</source>
        <translation>„{0}“ wurde auf dem Datenträger gelöscht oder verschoben; Speichern schreibt es neu</translation>
    </message>
    <message>
        <source>Could not reload</source>
        <translation>Neu laden nicht möglich</translation>
    </message>
    <message>
        <source>“{0}” could not be reloaded; your version stays.

{1}</source>
        <translation>„{0}“ konnte nicht neu geladen werden; Ihre Fassung bleibt.

{1}</translation>
    </message>
    <message>
        <source>Reloaded {0}</source>
        <translation>{0} neu geladen</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>Ungespeicherte Arbeit wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Touchline did not close properly. Recover the unsaved board(s)?</source>
        <translation>
            <numerusform>Touchline wurde nicht richtig beendet. Das ungespeicherte Board wiederherstellen?</numerusform>
            <numerusform>Touchline wurde nicht richtig beendet. Die %n ungespeicherten Boards wiederherstellen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>The file</source>
        <translation>Die Datei</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>Datei auf dem Datenträger geändert</translation>
    </message>
    <message>
        <source>“{0}” was changed by another program.</source>
        <translation>„{0}“ wurde von einem anderen Programm geändert.</translation>
    </message>
    <message>
        <source>Reload it and lose the changes made here since it was opened or saved, or keep this version? If you keep it, Save asks before overwriting the file.</source>
        <translation>Neu laden und die hier seit dem Öffnen oder Speichern gemachten Änderungen verlieren, oder diese Fassung behalten? Wenn Sie sie behalten, fragt Speichern vor dem Überschreiben der Datei.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Keep Mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <source>“{0}” was changed by another program since you opened or saved it.</source>
        <translation>„{0}“ wurde von einem anderen Programm geändert, seit Sie sie geöffnet oder gespeichert haben.</translation>
    </message>
    <message>
        <source>The file was changed by another program since you opened or saved it.</source>
        <translation>Die Datei wurde von einem anderen Programm geändert, seit Sie sie geöffnet oder gespeichert haben.</translation>
    </message>
    <message>
        <source>Overwrite newer file?</source>
        <translation>Neuere Datei überschreiben?</translation>
    </message>
    <message>
        <source>Overwrite it with this version? (Save As keeps both.)</source>
        <translation>Mit dieser Fassung überschreiben? (Speichern unter behält beide.)</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>On the board, without the mouse</source>
        <translation>Auf dem Board, ohne Maus</translation>
    </message>
    <message>
        <source>Move the focus between cards and cells</source>
        <translation>Den Fokus zwischen Karten und Zellen bewegen</translation>
    </message>
    <message>
        <source>Next or previous cell, down the stage</source>
        <translation>Nächste oder vorige Zelle, die Phase hinab</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>Die Auswahl erweitern</translation>
    </message>
    <message>
        <source>Select or unselect the focused card</source>
        <translation>Die Karte im Fokus aus- oder abwählen</translation>
    </message>
    <message>
        <source>Move the chosen stage (or lane) left or right (up or down)</source>
        <translation>Die gewählte Phase (oder Bahn) nach links oder rechts (oben oder unten) verschieben</translation>
    </message>
    <message>
        <source>Edit the focused card; in a cell, add one</source>
        <translation>Die Karte im Fokus bearbeiten; in einer Zelle eine hinzufügen</translation>
    </message>
    <message>
        <source>Add cards fast: type in a cell (Enter: next card, Tab: next cell)</source>
        <translation>Schnell Karten anlegen: in einer Zelle tippen (Eingabe: nächste Karte, Tab: nächste Zelle)</translation>
    </message>
    <message>
        <source>any letter</source>
        <translation>ein Buchstabe</translation>
    </message>
    <message>
        <source>End the edit, leave a mode, unselect</source>
        <translation>Bearbeiten beenden, Modus verlassen, abwählen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Every command that has a keyboard shortcut, by menu</source>
        <translation>Alle Befehle mit Tastenkürzel, nach Menü</translation>
    </message>
    <message>
        <source>Shortcuts</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Commands and their keys</source>
        <translation>Befehle und ihre Tasten</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Close this sheet</source>
        <translation>Diese Übersicht schließen</translation>
    </message>
    <message>
        <source>Start screen</source>
        <translation>Startbildschirm</translation>
    </message>
    <message>
        <source>Start a new board, open one, or continue with a recent file</source>
        <translation>Ein neues Board beginnen, eines öffnen oder mit einer zuletzt verwendeten Datei weitermachen</translation>
    </message>
    <message>
        <source>Touchline logo</source>
        <translation>Touchline-Logo</translation>
    </message>
    <message>
        <source>The Touchline application icon</source>
        <translation>Das Programmsymbol von Touchline</translation>
    </message>
    <message>
        <source>Customer journey maps and service blueprints</source>
        <translation>Customer Journey Maps und Service Blueprints</translation>
    </message>
    <message>
        <source>New service blueprint</source>
        <translation>Neuer Service Blueprint</translation>
    </message>
    <message>
        <source>Start a blueprint with customer, frontstage, backstage and support lanes</source>
        <translation>Einen Blueprint mit Kunden-, Frontstage-, Backstage- und Support-Bahnen beginnen</translation>
    </message>
    <message>
        <source>New journey map</source>
        <translation>Neue Journey Map</translation>
    </message>
    <message>
        <source>Start a journey map with doing, thinking and feeling lanes</source>
        <translation>Eine Journey Map mit Bahnen für Tun, Denken und Fühlen beginnen</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <source>Open a .touchline file</source>
        <translation>Eine .touchline-Datei öffnen</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Bundled example boards; each opens as a new untitled copy</source>
        <translation>Mitgelieferte Beispiel-Boards; jedes öffnet sich als neue, unbenannte Kopie</translation>
    </message>
    <message>
        <source>Recent files</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Boards opened or saved lately, with a picture of each</source>
        <translation>Zuletzt geöffnete oder gespeicherte Boards, jedes mit einem Bild</translation>
    </message>
    <message>
        <source>Files you open or save appear here.</source>
        <translation>Dateien, die Sie öffnen oder speichern, erscheinen hier.</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>Karte hinzufügen</translation>
    </message>
    <message>
        <source>Delete card</source>
        <translation>Karte löschen</translation>
    </message>
    <message>
        <source>Move card</source>
        <translation>Karte verschieben</translation>
    </message>
    <message>
        <source>Connect cards</source>
        <translation>Karten verbinden</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>Verbindung löschen</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Phase hinzufügen</translation>
    </message>
    <message>
        <source>Delete stage &quot;{0}&quot;</source>
        <translation>Phase „{0}“ löschen</translation>
    </message>
    <message>
        <source>Delete lane &quot;{0}&quot;</source>
        <translation>Bahn „{0}“ löschen</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>Bahn hinzufügen</translation>
    </message>
    <message>
        <source>Move stage</source>
        <translation>Phase verschieben</translation>
    </message>
    <message>
        <source>Move lane</source>
        <translation>Bahn verschieben</translation>
    </message>
    <message>
        <source>Rename stage</source>
        <translation>Phase umbenennen</translation>
    </message>
    <message>
        <source>Change stage metrics</source>
        <translation>Kennzahlen der Phase ändern</translation>
    </message>
    <message>
        <source>Change the board&apos;s language</source>
        <translation>Sprache des Boards ändern</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n arrow(s)</source>
        <translation>
            <numerusform>%n Pfeil löschen</numerusform>
            <numerusform>%n Pfeile löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n card(s)</source>
        <translation>
            <numerusform>%n Karte löschen</numerusform>
            <numerusform>%n Karten löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n card(s)</source>
        <translation>
            <numerusform>%n Karte verschieben</numerusform>
            <numerusform>%n Karten verschieben</numerusform>
        </translation>
    </message>
    <message>
        <source>Add vote</source>
        <translation>Stimme hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>Add votes on %n card(s)</source>
        <translation>
            <numerusform>Stimme auf %n Karte hinzufügen</numerusform>
            <numerusform>Stimmen auf %n Karten hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove vote</source>
        <translation>Stimme entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove votes on %n card(s)</source>
        <translation>
            <numerusform>Stimme von %n Karte entfernen</numerusform>
            <numerusform>Stimmen von %n Karten entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>Change stage notes</source>
        <translation>Notizen der Phase ändern</translation>
    </message>
    <message>
        <source>Change card text</source>
        <translation>Kartentext ändern</translation>
    </message>
    <message>
        <source>Change card colour</source>
        <translation>Kartenfarbe ändern</translation>
    </message>
    <message>
        <source>Change card channel</source>
        <translation>Kanal der Karte ändern</translation>
    </message>
    <message>
        <source>Change fail point</source>
        <translation>Fehlerpunkt ändern</translation>
    </message>
    <message>
        <source>Change wait</source>
        <translation>Wartezeit ändern</translation>
    </message>
    <message>
        <source>Change card tags</source>
        <translation>Schlagwörter der Karte ändern</translation>
    </message>
    <message>
        <source>Change card notes</source>
        <translation>Notizen der Karte ändern</translation>
    </message>
    <message>
        <source>Change card persona</source>
        <translation>Persona der Karte ändern</translation>
    </message>
    <message>
        <source>Change votes</source>
        <translation>Stimmen ändern</translation>
    </message>
    <message>
        <source>Change card</source>
        <translation>Karte ändern</translation>
    </message>
    <message>
        <source>Change link label</source>
        <translation>Beschriftung der Verbindung ändern</translation>
    </message>
    <message>
        <source>Change link kind</source>
        <translation>Art der Verbindung ändern</translation>
    </message>
    <message>
        <source>Rename lane</source>
        <translation>Bahn umbenennen</translation>
    </message>
    <message>
        <source>Change lane kind</source>
        <translation>Art der Bahn ändern</translation>
    </message>
    <message>
        <source>Rename board</source>
        <translation>Board umbenennen</translation>
    </message>
    <message>
        <source>Change description</source>
        <translation>Beschreibung ändern</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>%n Element löschen</numerusform>
            <numerusform>%n Elemente löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Change personas</source>
        <translation>Personas ändern</translation>
    </message>
    <message>
        <source>Add persona</source>
        <translation>Persona hinzufügen</translation>
    </message>
    <message>
        <source>Delete persona &quot;{0}&quot;</source>
        <translation>Persona „{0}“ löschen</translation>
    </message>
    <message>
        <source>Arrange cards</source>
        <translation>Karten anordnen</translation>
    </message>
    <message>
        <source>Drag the point up or down to change the score (or Alt+Up, Alt+Down)</source>
        <translation>Den Punkt nach oben oder unten ziehen, um den Wert zu ändern (oder Alt+↑, Alt+↓)</translation>
    </message>
    <message>
        <source>Click a cell and type to add a card, or double-click it</source>
        <translation>Zelle anklicken und tippen, um eine Karte hinzuzufügen, oder doppelt klicken</translation>
    </message>
    <message>
        <source>Nothing linked: drop the line on another card</source>
        <translation>Nichts verbunden: Die Linie auf einer anderen Karte loslassen</translation>
    </message>
    <message>
        <source>Move {0} cards</source>
        <translation>{0} Karten verschieben</translation>
    </message>
    <message>
        <source>Change emotion score</source>
        <translation>Emotionswert ändern</translation>
    </message>
    <message>
        <source>Right, PageDown</source>
        <translation>Rechts, Bild ab</translation>
    </message>
    <message>
        <source>Left, PageUp</source>
        <translation>Links, Bild auf</translation>
    </message>
    <message>
        <source>next part or stage</source>
        <translation>nächster Teil oder nächste Phase</translation>
    </message>
    <message>
        <source>previous part or stage</source>
        <translation>voriger Teil oder vorige Phase</translation>
    </message>
    <message>
        <source>Home, End</source>
        <translation>Pos1, Ende</translation>
    </message>
    <message>
        <source>the whole board</source>
        <translation>das ganze Board</translation>
    </message>
    <message>
        <source>jump to a stage</source>
        <translation>zu einer Phase springen</translation>
    </message>
    <message>
        <source>a closer or wider look</source>
        <translation>näher heran oder weiter weg</translation>
    </message>
    <message>
        <source>start, pause or resume the countdown</source>
        <translation>Countdown starten, anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>black screen (any key or click brings the board back)</source>
        <translation>schwarzer Bildschirm (jede Taste oder ein Klick holt das Board zurück)</translation>
    </message>
    <message>
        <source>spotlight the card reached with the arrows</source>
        <translation>die mit den Pfeiltasten erreichte Karte hervorheben</translation>
    </message>
    <message>
        <source>Tab, then type</source>
        <translation>Tab, dann tippen</translation>
    </message>
    <message>
        <source>a new card in the stage on screen</source>
        <translation>eine neue Karte in der gezeigten Phase</translation>
    </message>
    <message>
        <source>Up, Down</source>
        <translation>Hoch, Herunter</translation>
    </message>
    <message>
        <source>move between cells and cards</source>
        <translation>zwischen Zellen und Karten wechseln</translation>
    </message>
    <message>
        <source>a vote more or less for the chosen card</source>
        <translation>eine Stimme mehr oder weniger für die gewählte Karte</translation>
    </message>
    <message>
        <source>V, Shift+V</source>
        <translation>V, Umschalt+V</translation>
    </message>
    <message>
        <source>F2, Delete</source>
        <translation>F2, Entf</translation>
    </message>
    <message>
        <source>edit or delete the chosen card</source>
        <translation>die gewählte Karte bearbeiten oder löschen</translation>
    </message>
    <message>
        <source>Ctrl+Z, Ctrl+Shift+Z</source>
        <translation>Strg+Z, Strg+Umschalt+Z</translation>
    </message>
    <message>
        <source>undo, redo</source>
        <translation>rückgängig, wiederholen</translation>
    </message>
    <message>
        <source>end the spotlight or let go of the card, else leave</source>
        <translation>Hervorhebung beenden oder die Karte loslassen, sonst verlassen</translation>
    </message>
    <message>
        <source>these keys</source>
        <translation>diese Tasten</translation>
    </message>
    <message>
        <source>Click a card or lane header</source>
        <translation>Klick auf eine Karte oder einen Bahnkopf</translation>
    </message>
    <message>
        <source>spotlight it</source>
        <translation>hervorheben</translation>
    </message>
    <message>
        <source>leave</source>
        <translation>verlassen</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Präsentation</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n Phase</numerusform>
            <numerusform>%n Phasen</numerusform>
        </translation>
    </message>
    <message>
        <source>Stage {0} of {1}</source>
        <translation>Phase {0} von {1}</translation>
    </message>
    <message>
        <source>Stage {0} of {1} · part {2} of {3}</source>
        <translation>Phase {0} von {1} · Teil {2} von {3}</translation>
    </message>
    <message numerus="yes">
        <source>Chose the %n card(s) on the screen</source>
        <translation>
            <numerusform>Die %n Karte auf dem Bildschirm ausgewählt</numerusform>
            <numerusform>Die %n Karten auf dem Bildschirm ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Presentation keys</source>
        <translation>Tasten der Präsentation</translation>
    </message>
    <message>
        <source>Presenting keys</source>
        <translation>Tasten beim Präsentieren</translation>
    </message>
    <message>
        <source>Any key or click closes this.</source>
        <translation>Jede Taste oder ein Klick schließt diese Übersicht.</translation>
    </message>
    <message>
        <source>Touchline — Presentation</source>
        <translation>Touchline — Präsentation</translation>
    </message>
    <message>
        <source>(empty card)</source>
        <translation>(leere Karte)</translation>
    </message>
    <message>
        <source>Stage notes</source>
        <translation>Notizen der Phase</translation>
    </message>
    <message>
        <source>Notes for this stage (saved with the board, never drawn on it)</source>
        <translation>Notizen zu dieser Phase (mit dem Board gespeichert, nie darauf gezeichnet)</translation>
    </message>
    <message>
        <source>Card notes</source>
        <translation>Notizen der Karten</translation>
    </message>
    <message>
        <source>Notes of this stage&apos;s cards</source>
        <translation>Notizen der Karten dieser Phase</translation>
    </message>
    <message numerus="yes">
        <source>{0} — whole board (%n stage(s))</source>
        <translation>
            <numerusform>{0} — ganzes Board (%n Phase)</numerusform>
            <numerusform>{0} — ganzes Board (%n Phasen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Next: {0}</source>
        <translation>Als Nächstes: {0}</translation>
    </message>
    <message>
        <source>Stage {0} of {1} · part {2} of {3}: {4}</source>
        <translation>Phase {0} von {1} · Teil {2} von {3}: {4}</translation>
    </message>
    <message>
        <source>Stage {0} of {1}: {2}</source>
        <translation>Phase {0} von {1}: {2}</translation>
    </message>
    <message>
        <source>No card notes in this stage.</source>
        <translation>Keine Kartennotizen in dieser Phase.</translation>
    </message>
    <message>
        <source>Next: part {0} of this stage</source>
        <translation>Als Nächstes: Teil {0} dieser Phase</translation>
    </message>
    <message>
        <source>Last stage</source>
        <translation>Letzte Phase</translation>
    </message>
    <message>
        <source>Timer: {0}</source>
        <translation>Timer: {0}</translation>
    </message>
    <message>
        <source>Timer: off (T starts 5 minutes)</source>
        <translation>Timer: aus (T startet 5 Minuten)</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>Countdown</translation>
    </message>
    <message>
        <source>Time&apos;s up {0}</source>
        <translation>Zeit abgelaufen {0}</translation>
    </message>
    <message>
        <source>Top voted cards</source>
        <translation>Karten mit den meisten Stimmen</translation>
    </message>
    <message>
        <source>No votes yet. Select a card and press V to vote, Shift+V to take a vote back.</source>
        <translation>Noch keine Stimmen. Wählen Sie eine Karte und drücken Sie V, um abzustimmen, Umschalt+V, um eine Stimme zurückzunehmen.</translation>
    </message>
    <message numerus="yes">
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n Stimme</numerusform>
            <numerusform>%n Stimmen</numerusform>
        </translation>
    </message>
    <message>
        <source>Pr&amp;esent</source>
        <translation>Prä&amp;sentieren</translation>
    </message>
    <message>
        <source>Show the board full screen for a room, stage by stage (F5; Esc leaves)</source>
        <translation>Das Board im Vollbild für einen Raum zeigen, Phase für Phase (F5; Esc beendet)</translation>
    </message>
    <message>
        <source>Present from the c&amp;urrent stage</source>
        <translation>Ab &amp;der aktuellen Phase präsentieren</translation>
    </message>
    <message>
        <source>Present on &amp;screen</source>
        <translation>Auf B&amp;ildschirm präsentieren</translation>
    </message>
    <message>
        <source>Wor&amp;kshop timer</source>
        <translation>Workshop-&amp;Timer</translation>
    </message>
    <message numerus="yes">
        <source>Start %n minute(s)</source>
        <translation>
            <numerusform>%n Minute starten</numerusform>
            <numerusform>%n Minuten starten</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Pause or resume</source>
        <translation>&amp;Anhalten oder fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Workshop timer</source>
        <translation>Workshop-Timer</translation>
    </message>
    <message>
        <source>View › Workshop timer pauses or stops it</source>
        <translation>Ansicht › Workshop-Timer hält ihn an oder beendet ihn</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Referentenansicht</translation>
    </message>
    <message>
        <source>Presente&amp;r Panel</source>
        <translation>&amp;Referentenansicht-Leiste</translation>
    </message>
    <message>
        <source>Top voted</source>
        <translation>Meiste Stimmen</translation>
    </message>
    <message>
        <source>Top &amp;Voted Panel</source>
        <translation>&amp;Meiste-Stimmen-Leiste</translation>
    </message>
    <message>
        <source>Timer {0}</source>
        <translation>Timer {0}</translation>
    </message>
    <message>
        <source>{0} (paused)</source>
        <translation>{0} (angehalten)</translation>
    </message>
    <message>
        <source>&amp;Automatic (the other screen when there are two)</source>
        <translation>&amp;Automatisch (der andere Bildschirm, wenn es zwei gibt)</translation>
    </message>
    <message>
        <source>No card that way to connect to; Esc cancels</source>
        <translation>In dieser Richtung keine Karte zum Verbinden; Esc bricht ab</translation>
    </message>
    <message>
        <source>Stage header chosen: F2 renames it, Ctrl+Left/Right moves it, Delete removes it, Down goes back in</source>
        <translation>Phasenkopf gewählt: F2 benennt ihn um, Strg+Links/Rechts verschiebt ihn, Entf löscht ihn, Pfeil nach unten führt zurück</translation>
    </message>
    <message>
        <source>Lane header chosen: F2 renames it, Ctrl+Up/Down moves it, Delete removes it, Right goes back in</source>
        <translation>Bahnkopf gewählt: F2 benennt ihn um, Strg+Hoch/Herunter verschiebt ihn, Entf löscht ihn, Pfeil nach rechts führt zurück</translation>
    </message>
    <message>
        <source>The board&apos;s last cell: Tab goes no further</source>
        <translation>Die letzte Zelle des Boards: Tab geht nicht weiter</translation>
    </message>
    <message>
        <source>The board&apos;s first cell: Shift+Tab goes no further</source>
        <translation>Die erste Zelle des Boards: Umschalt+Tab geht nicht weiter</translation>
    </message>
    <message>
        <source>Nothing linked: choose another card with the arrow keys before Enter</source>
        <translation>Nichts verbunden: vor der Eingabetaste mit den Pfeiltasten eine andere Karte wählen</translation>
    </message>
    <message>
        <source>Nothing linked: these two cards are linked already</source>
        <translation>Nichts verbunden: Diese beiden Karten sind schon verbunden</translation>
    </message>
    <message>
        <source>Linked: F2 labels the arrow, Delete removes it</source>
        <translation>Verbunden: F2 beschriftet den Pfeil, Entf entfernt ihn</translation>
    </message>
    <message>
        <source>Connecting, not typing: the arrow keys choose the other card, Enter links, Esc cancels</source>
        <translation>Verbinden, nicht tippen: Die Pfeiltasten wählen die andere Karte, Eingabe verbindet, Esc bricht ab</translation>
    </message>
    <message>
        <source>Choose a card first (the arrow keys or a click): V votes on it, L connects it</source>
        <translation>Zuerst eine Karte wählen (Pfeiltasten oder Klick): V stimmt für sie, L verbindet sie</translation>
    </message>
    <message>
        <source>Tab goes into the chosen stage or lane; then type to add a card</source>
        <translation>Tab geht in die gewählte Phase oder Bahn; dann tippen, um eine Karte hinzuzufügen</translation>
    </message>
    <message>
        <source>Choose a cell first (the arrow keys, Tab or a click), then type to add a card</source>
        <translation>Zuerst eine Zelle wählen (Pfeiltasten, Tab oder ein Klick), dann tippen, um eine Karte hinzuzufügen</translation>
    </message>
    <message>
        <source>Typing goes into a cell, not onto a card: F2 edits this card&apos;s text</source>
        <translation>Tippen geht in eine Zelle, nicht auf eine Karte: F2 bearbeitet den Text dieser Karte</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Lane &amp;kind</source>
        <translation>&amp;Art der Bahn</translation>
    </message>
    <message>
        <source>Edit &amp;label</source>
        <translation>&amp;Beschriftung bearbeiten</translation>
    </message>
    <message>
        <source>Arrow &amp;kind</source>
        <translation>&amp;Art der Verbindung</translation>
    </message>
    <message>
        <source>&amp;Rename board</source>
        <translation>Board &amp;umbenennen</translation>
    </message>
    <message>
        <source>Find cards by their words</source>
        <translation>Karten nach ihren Wörtern suchen</translation>
    </message>
    <message>
        <source>Find cards</source>
        <translation>Karten suchen</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Voriger Treffer</translation>
    </message>
    <message>
        <source>Shift+Enter, Shift+F3</source>
        <translation>Umschalt+Eingabe, Umschalt+F3</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Enter, F3</source>
        <translation>Eingabe, F3</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Clear the words</source>
        <translation>Wörter löschen</translation>
    </message>
    <message>
        <source>Empty the find field</source>
        <translation>Das Suchfeld leeren</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Kein Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) found</source>
        <translation>
            <numerusform>%n Karte gefunden</numerusform>
            <numerusform>%n Karten gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} von {1}</translation>
    </message>
    <message>
        <source>Not opened: {0}. Touchline opens .touchline boards and imports Mermaid journeys (.mmd) and CSV tables (.csv)</source>
        <translation>Nicht geöffnet: {0}. Touchline öffnet .touchline-Boards und importiert Mermaid-Journeys (.mmd) und CSV-Tabellen (.csv)</translation>
    </message>
    <message numerus="yes">
        <source>the board prints on %n sheet(s); sheets {0} to {1} were asked for</source>
        <translation>
            <numerusform>das Board wird auf %n Blatt gedruckt; verlangt waren die Blätter {0} bis {1}</numerusform>
            <numerusform>das Board wird auf %n Blätter gedruckt; verlangt waren die Blätter {0} bis {1}</numerusform>
        </translation>
    </message>
    <message>
        <source>“{0}” could not be written</source>
        <translation>„{0}“ konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>“{0}” could not be written ({1})</source>
        <translation>„{0}“ konnte nicht geschrieben werden ({1})</translation>
    </message>
    <message>
        <source>the printer did not take the job</source>
        <translation>der Drucker hat den Auftrag nicht angenommen</translation>
    </message>
</context>
</TS>
