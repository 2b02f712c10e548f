<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n info(s)</source>
        <translation><numerusform>%n info</numerusform><numerusform>%n infos</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation><numerusform>%n card</numerusform><numerusform>%n cards</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n customer step(s)</source>
        <translation><numerusform>%n customer step</numerusform><numerusform>%n customer steps</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Touchline did not close properly. Recover the unsaved board(s)?</source>
        <translation><numerusform>Touchline did not close properly. Recover this unsaved board?</numerusform><numerusform>Touchline did not close properly. Recover these %n unsaved boards?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation><numerusform>Delete %n item</numerusform><numerusform>Delete %n items</numerusform></translation>
    </message>
</context>
</TS>