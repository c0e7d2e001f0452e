<?xml version="1.0" encoding="utf-8"?>
<!-- SYNTHETIC sample in the layout of GUGiK PRG punkty adresowe (model 2012): socmap test and demo data, not an extract of PRG. -->
<gml:FeatureCollection xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:bt="urn:gugik:specyfikacje:gmlas:modelPodstawowy:1.0" xmlns:mua="urn:gugik:specyfikacje:gmlas:ewidencjaMiejscowosciUlicAdresow:1.0" xmlns:prg-ad="urn:gugik:specyfikacje:gmlas:panstwowyRejestrGranicAdresy:1.0" gml:id="prg-ad">
<gml:featureMembers>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00001">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00001</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Lotnicza</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00001_GEO"><gml:pos>215784.06 501568.82</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80035"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00002">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00002</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Lotnicza</prg-ad:ulica>
<prg-ad:numerPorzadkowy>19</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00002_GEO"><gml:pos>216785.61 501154.33</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80035"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00003">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00003</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Krakowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00003_GEO"><gml:pos>217018.69 504779.09</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80030"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00004">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00004</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Krakowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>5</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00004_GEO"><gml:pos>217073.49 505072.41</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80030"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00005">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00005</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Stanisława Wyspiańskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00005_GEO"><gml:pos>219447.61 504905.75</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80080"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00006">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00006</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Stanisława Wyspiańskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>12A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00006_GEO"><gml:pos>219399.76 504569.04</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80080"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00007">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00007</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>11 Listopada</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00007_GEO"><gml:pos>217200.77 503680.31</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80001"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00008">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00008</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>11 Listopada</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00008_GEO"><gml:pos>217126.47 503964.01</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80001"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00009">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00009</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Partyzantów</prg-ad:ulica>
<prg-ad:numerPorzadkowy>21</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00009_GEO"><gml:pos>218835.62 505533.66</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80045"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00010">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00010</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Partyzantów</prg-ad:ulica>
<prg-ad:numerPorzadkowy>27</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00010_GEO"><gml:pos>218296.83 504643.31</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80045"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00011">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00011</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Bystrzańska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>8A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00011_GEO"><gml:pos>215417.84 503625.68</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80007"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00012">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00012</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Bystrzańska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00012_GEO"><gml:pos>215061.83 503454.16</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80007"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00013">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00013</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Norberta Barlickiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00013_GEO"><gml:pos>218614.42 502918.36</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80078"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00014">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00014</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Norberta Barlickiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>20</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00014_GEO"><gml:pos>219340.57 502352.76</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80078"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00015">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00015</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Adama Mickiewicza</prg-ad:ulica>
<prg-ad:numerPorzadkowy>7</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00015_GEO"><gml:pos>217243.16 502443.87</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80071"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00016">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00016</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Adama Mickiewicza</prg-ad:ulica>
<prg-ad:numerPorzadkowy>9</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00016_GEO"><gml:pos>217358.60 503053.83</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80071"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00017">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00017</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Hałcnowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>4</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00017_GEO"><gml:pos>222484.59 507382.58</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80017"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00018">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00018</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Hałcnowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>7</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00018_GEO"><gml:pos>219849.84 508097.85</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80017"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00019">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00019</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Kamienicka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>20</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00019_GEO"><gml:pos>210521.48 499773.21</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80023"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00020">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00020</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Kamienicka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>23</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00020_GEO"><gml:pos>212822.66 501883.38</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80023"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00021">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00021</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Komorowicka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>16</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00021_GEO"><gml:pos>221198.87 504857.23</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80028"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00022">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00022</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Komorowicka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>19</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00022_GEO"><gml:pos>220689.04 503836.67</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80028"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00023">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00023</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Międzyrzecka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>2A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00023_GEO"><gml:pos>219912.83 502193.65</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80037"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00024">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00024</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Międzyrzecka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>7</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00024_GEO"><gml:pos>220999.29 500615.95</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80037"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00025">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00025</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cyniarska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00025_GEO"><gml:pos>214077.14 504683.48</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80010"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00026">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00026</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cyniarska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>8</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00026_GEO"><gml:pos>214494.26 504226.33</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80010"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00027">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00027</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Lipnicka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00027_GEO"><gml:pos>217300.77 506779.24</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80033"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00028">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00028</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Lipnicka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>9A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00028_GEO"><gml:pos>216420.27 506235.52</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80033"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00029">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00029</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Wyzwolenia</prg-ad:ulica>
<prg-ad:numerPorzadkowy>2</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00029_GEO"><gml:pos>213143.53 506065.04</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80061"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00030">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00030</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Wyzwolenia</prg-ad:ulica>
<prg-ad:numerPorzadkowy>8</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00030_GEO"><gml:pos>213737.75 505626.63</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80061"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00031">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00031</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Górska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>2A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00031_GEO"><gml:pos>211556.64 501821.44</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80016"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00032">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00032</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Górska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00032_GEO"><gml:pos>212648.40 502394.89</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80016"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00033">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00033</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Jana III Sobieskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00033_GEO"><gml:pos>214531.05 503058.32</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80074"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00034">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00034</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Jana III Sobieskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>6</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00034_GEO"><gml:pos>213808.02 502905.46</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80074"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00035">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00035</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Grunwaldzka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>1A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00035_GEO"><gml:pos>216362.16 503592.01</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80014"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00036">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00036</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Grunwaldzka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>5</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00036_GEO"><gml:pos>216419.15 504528.13</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80014"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00037">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00037</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Karpacka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>5A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00037_GEO"><gml:pos>214960.86 502281.05</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80024"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00038">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00038</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Karpacka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00038_GEO"><gml:pos>215527.74 502375.54</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80024"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00039">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00039</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Mikołaja Kopernika</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00039_GEO"><gml:pos>218025.55 503962.05</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80077"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00040">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00040</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Mikołaja Kopernika</prg-ad:ulica>
<prg-ad:numerPorzadkowy>8A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00040_GEO"><gml:pos>218337.09 503975.99</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80077"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00041">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00041</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Żywiecka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>4</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00041_GEO"><gml:pos>218010.36 501896.85</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80070"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00042">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00042</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Żywiecka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>9</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00042_GEO"><gml:pos>218314.14 501864.42</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80070"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00043">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00043</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Bohaterów Warszawy</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00043_GEO"><gml:pos>217530.55 501664.27</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80005"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00044">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00044</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Bohaterów Warszawy</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00044_GEO"><gml:pos>217344.23 501989.53</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80005"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00045">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00045</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Władysława Broniewskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>20</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00045_GEO"><gml:pos>214993.12 500020.22</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80081"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00046">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00046</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Władysława Broniewskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>29A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00046_GEO"><gml:pos>214795.96 500063.74</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80081"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00047">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00047</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Jutrzenki</prg-ad:ulica>
<prg-ad:numerPorzadkowy>5</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00047_GEO"><gml:pos>216072.93 502175.36</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80022"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00048">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00048</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Jutrzenki</prg-ad:ulica>
<prg-ad:numerPorzadkowy>16</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00048_GEO"><gml:pos>216603.01 501924.52</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80022"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00049">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00049</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Wojska Polskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>14</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00049_GEO"><gml:pos>216716.13 500753.53</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80059"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00050">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00050</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Wojska Polskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>15</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00050_GEO"><gml:pos>216247.94 500547.24</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80059"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00051">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00051</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Armii Krajowej</prg-ad:ulica>
<prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00051_GEO"><gml:pos>219556.66 500394.64</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80002"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00052">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00052</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Armii Krajowej</prg-ad:ulica>
<prg-ad:numerPorzadkowy>6</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00052_GEO"><gml:pos>217677.28 499806.99</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80002"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00053">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00053</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Straconki</prg-ad:ulica>
<prg-ad:numerPorzadkowy>6</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00053_GEO"><gml:pos>215603.37 507233.37</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80053"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00054">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00054</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Straconki</prg-ad:ulica>
<prg-ad:numerPorzadkowy>11A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00054_GEO"><gml:pos>214373.14 506235.85</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80053"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00055">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00055</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>ks. Stanisława Stojałowskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>6</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00055_GEO"><gml:pos>216949.30 502971.80</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80083"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00056">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00056</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>ks. Stanisława Stojałowskiego</prg-ad:ulica>
<prg-ad:numerPorzadkowy>21</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00056_GEO"><gml:pos>216190.19 502896.58</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80083"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00057">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00057</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Wapienicka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>8</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00057_GEO"><gml:pos>216313.31 497339.19</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80057"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00058">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00058</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Wapienicka</prg-ad:ulica>
<prg-ad:numerPorzadkowy>11</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00058_GEO"><gml:pos>217222.51 498818.51</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80057"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00059">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00059</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Złote Łany</prg-ad:ulica>
<prg-ad:numerPorzadkowy>2</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00059_GEO"><gml:pos>215851.74 504592.56</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80065"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00060">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00060</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Złote Łany</prg-ad:ulica>
<prg-ad:numerPorzadkowy>4</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00060_GEO"><gml:pos>215003.86 505495.06</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80065"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00061">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00061</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00061_GEO"><gml:pos>217834.95 501638.16</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00062">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00062</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>2</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00062_GEO"><gml:pos>217988.60 501419.59</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00063">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00063</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00063_GEO"><gml:pos>217729.28 501690.09</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00064">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00064</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>4</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00064_GEO"><gml:pos>217736.27 501131.81</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00065">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00065</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>5</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00065_GEO"><gml:pos>217528.06 501503.87</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00066">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00066</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>6</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00066_GEO"><gml:pos>217826.49 501303.37</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00067">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00067</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>7</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00067_GEO"><gml:pos>217811.67 501567.85</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00068">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00068</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>8</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00068_GEO"><gml:pos>217455.12 501288.19</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00069">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00069</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>9</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00069_GEO"><gml:pos>217862.61 501649.66</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00070">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00070</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00070_GEO"><gml:pos>217713.98 501208.17</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00071">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00071</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>11</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00071_GEO"><gml:pos>217460.05 501606.13</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00072">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00072</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Piastowska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>12</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00072_GEO"><gml:pos>217513.27 501273.72</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00073">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00073</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00073_GEO"><gml:pos>218476.67 504240.45</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00074">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00074</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>4</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00074_GEO"><gml:pos>218576.80 503822.81</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00075">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00075</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>7</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00075_GEO"><gml:pos>218519.62 503812.43</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00076">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00076</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00076_GEO"><gml:pos>218602.72 504164.55</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00077">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00077</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>13</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00077_GEO"><gml:pos>218481.71 503831.13</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00078">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00078</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>16</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00078_GEO"><gml:pos>218418.90 504361.29</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00079">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00079</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>19</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00079_GEO"><gml:pos>218463.81 504090.11</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00080">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00080</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>22</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00080_GEO"><gml:pos>218584.65 503821.32</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00081">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00081</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>25</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00081_GEO"><gml:pos>218501.29 504112.93</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00082">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00082</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>28</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00082_GEO"><gml:pos>218598.74 504273.25</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00083">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00083</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>31</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00083_GEO"><gml:pos>218950.47 503809.75</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00084">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00084</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>34</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00084_GEO"><gml:pos>218987.68 504195.98</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00085">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00085</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>37</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00085_GEO"><gml:pos>218989.63 504057.22</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00086">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00086</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>40</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00086_GEO"><gml:pos>218944.07 504020.53</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00087">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00087</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>43</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00087_GEO"><gml:pos>218878.15 504235.56</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00088">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00088</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>46</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00088_GEO"><gml:pos>218976.92 503877.28</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00089">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00089</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>49</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00089_GEO"><gml:pos>218870.32 503883.02</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00090">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00090</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>52</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00090_GEO"><gml:pos>218814.61 504041.52</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00091">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00091</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>55</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00091_GEO"><gml:pos>218821.54 504313.84</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00092">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00092</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>gen. Władysława Andersa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>58</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00092_GEO"><gml:pos>218814.57 504233.95</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00093">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00093</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00093_GEO"><gml:pos>216431.30 502788.39</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00094">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00094</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00094_GEO"><gml:pos>216431.80 502943.47</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00095">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00095</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>5</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00095_GEO"><gml:pos>216618.79 502732.06</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00096">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00096</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>7</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00096_GEO"><gml:pos>216504.27 502475.54</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00097">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00097</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>9</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00097_GEO"><gml:pos>216289.17 502762.59</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00098">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00098</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>11</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00098_GEO"><gml:pos>216610.06 502758.02</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00099">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00099</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>2</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00099_GEO"><gml:pos>216413.53 502700.59</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00100">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00100</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>4</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00100_GEO"><gml:pos>216247.36 502815.88</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00101">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00101</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>6</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00101_GEO"><gml:pos>216661.15 502804.57</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00102">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00102</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>6A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00102_GEO"><gml:pos>216702.86 502466.98</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00103">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00103</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>8</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00103_GEO"><gml:pos>216155.45 502488.02</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00104">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00104</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cieszyńska</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00104_GEO"><gml:pos>216640.22 502521.65</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00105">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00105</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Zielona</prg-ad:ulica>
<prg-ad:numerPorzadkowy>12</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00105_GEO"><gml:pos>214549.17 505055.19</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00106">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00106</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Bielsko-Biała</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Bielsko-Biała</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Zielona</prg-ad:ulica>
<prg-ad:numerPorzadkowy>28</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-300</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00106_GEO"><gml:pos>214157.32 504385.26</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2461011"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_0923584"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00107">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00107</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat bielski</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Jaworze</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Jaworze</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Zdrojowa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>1</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-384</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00107_GEO"><gml:pos>213873.08 493859.57</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2402"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2402052"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_9990101"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U9990101_80064"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00108">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00108</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat bielski</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Jaworze</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Jaworze</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Zdrojowa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>10</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-384</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00108_GEO"><gml:pos>214424.36 494106.72</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2402"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2402052"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_9990101"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U9990101_80064"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00109">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00109</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat bielski</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Jaworze</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Jaworze</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cisowa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>3</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-384</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00109_GEO"><gml:pos>214542.63 494091.13</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2402"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2402052"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_9990101"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U9990101_80009"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_PunktAdresowy gml:id="PL.ZIPIN.SYNTH.EMUiA_P00110">
<prg-ad:idIIP><bt:BT_Identyfikator><bt:lokalnyId>SYNTH-00110</bt:lokalnyId><bt:przestrzenNazw>PL.PZGIK.200</bt:przestrzenNazw><bt:wersjaId>2026-01-01T00:00:00+01:00</bt:wersjaId></bt:BT_Identyfikator></prg-ad:idIIP>
<prg-ad:waznyOd>2026-01-01</prg-ad:waznyOd>
<prg-ad:jednostkaAdmnistracyjna>Polska</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>śląskie</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>powiat bielski</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:jednostkaAdmnistracyjna>Jaworze</prg-ad:jednostkaAdmnistracyjna>
<prg-ad:miejscowosc>Jaworze</prg-ad:miejscowosc>
<prg-ad:czescMiejscowosci nilReason="inapplicable" xsi:nil="true"/>
<prg-ad:ulica>Cisowa</prg-ad:ulica>
<prg-ad:numerPorzadkowy>6A</prg-ad:numerPorzadkowy>
<prg-ad:kodPocztowy>43-384</prg-ad:kodPocztowy>
<prg-ad:status>istniejacy</prg-ad:status>
<prg-ad:pozycja><gml:Point srsName="urn:ogc:def:crs:EPSG::2180" srsDimension="2" gml:id="PL.PZGIK.200_SYNTH_00110_GEO"><gml:pos>214232.04 494179.67</gml:pos></gml:Point></prg-ad:pozycja>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_PL"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_24"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2402"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.PZGIK.200_SYNTH_2402052"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_9990101"/>
<prg-ad:komponent xlink:href="http://geoportal.gov.pl/PZGIK/dane/PL.ZIPIN.SYNTH.EMUiA_U9990101_80009"/>
</prg-ad:PRG_PunktAdresowy>
<prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="PL.PZGIK.200_SYNTH_PL"><prg-ad:nazwa>Polska</prg-ad:nazwa><prg-ad:idTERYT nilReason="inapplicable" xsi:nil="true"/><prg-ad:poziom>1poziom</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>
<prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="PL.PZGIK.200_SYNTH_24"><prg-ad:nazwa>śląskie</prg-ad:nazwa><prg-ad:idTERYT>24</prg-ad:idTERYT><prg-ad:poziom>2poziom</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>
<prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="PL.PZGIK.200_SYNTH_2461"><prg-ad:nazwa>powiat Bielsko-Biała</prg-ad:nazwa><prg-ad:idTERYT>2461</prg-ad:idTERYT><prg-ad:poziom>3poziom</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>
<prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="PL.PZGIK.200_SYNTH_2461011"><prg-ad:nazwa>Bielsko-Biała</prg-ad:nazwa><prg-ad:idTERYT>2461011</prg-ad:idTERYT><prg-ad:poziom>4poziom</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>
<prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="PL.PZGIK.200_SYNTH_2402"><prg-ad:nazwa>powiat bielski</prg-ad:nazwa><prg-ad:idTERYT>2402</prg-ad:idTERYT><prg-ad:poziom>3poziom</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>
<prg-ad:PRG_JednostkaAdministracyjnaNazwa gml:id="PL.PZGIK.200_SYNTH_2402052"><prg-ad:nazwa>Jaworze</prg-ad:nazwa><prg-ad:idTERYT>2402052</prg-ad:idTERYT><prg-ad:poziom>4poziom</prg-ad:poziom></prg-ad:PRG_JednostkaAdministracyjnaNazwa>
<prg-ad:PRG_MiejscowoscNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_0923584"><prg-ad:nazwa>Bielsko-Biała</prg-ad:nazwa><prg-ad:idTERYT>0923584</prg-ad:idTERYT></prg-ad:PRG_MiejscowoscNazwa>
<prg-ad:PRG_MiejscowoscNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_9990101"><prg-ad:nazwa>Jaworze</prg-ad:nazwa><prg-ad:idTERYT>9990101</prg-ad:idTERYT></prg-ad:PRG_MiejscowoscNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80001"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>11 Listopada</mua:nazwaGlownaCzesc><mua:idTERYT>80001</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80002"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Armii Krajowej</mua:nazwaGlownaCzesc><mua:idTERYT>80002</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80005"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Bohaterów Warszawy</mua:nazwaGlownaCzesc><mua:idTERYT>80005</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80007"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Bystrzańska</mua:nazwaGlownaCzesc><mua:idTERYT>80007</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80008"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Cieszyńska</mua:nazwaGlownaCzesc><mua:idTERYT>80008</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80010"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Cyniarska</mua:nazwaGlownaCzesc><mua:idTERYT>80010</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80014"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Grunwaldzka</mua:nazwaGlownaCzesc><mua:idTERYT>80014</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80016"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Górska</mua:nazwaGlownaCzesc><mua:idTERYT>80016</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80017"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Hałcnowska</mua:nazwaGlownaCzesc><mua:idTERYT>80017</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80022"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Jutrzenki</mua:nazwaGlownaCzesc><mua:idTERYT>80022</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80023"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Kamienicka</mua:nazwaGlownaCzesc><mua:idTERYT>80023</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80024"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Karpacka</mua:nazwaGlownaCzesc><mua:idTERYT>80024</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80028"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Komorowicka</mua:nazwaGlownaCzesc><mua:idTERYT>80028</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80030"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Krakowska</mua:nazwaGlownaCzesc><mua:idTERYT>80030</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80033"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Lipnicka</mua:nazwaGlownaCzesc><mua:idTERYT>80033</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80035"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Lotnicza</mua:nazwaGlownaCzesc><mua:idTERYT>80035</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80037"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Międzyrzecka</mua:nazwaGlownaCzesc><mua:idTERYT>80037</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80045"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Partyzantów</mua:nazwaGlownaCzesc><mua:idTERYT>80045</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80046"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Piastowska</mua:nazwaGlownaCzesc><mua:idTERYT>80046</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80053"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Straconki</mua:nazwaGlownaCzesc><mua:idTERYT>80053</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80057"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Wapienicka</mua:nazwaGlownaCzesc><mua:idTERYT>80057</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80059"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Wojska Polskiego</mua:nazwaGlownaCzesc><mua:idTERYT>80059</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80061"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Wyzwolenia</mua:nazwaGlownaCzesc><mua:idTERYT>80061</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80065"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Złote Łany</mua:nazwaGlownaCzesc><mua:idTERYT>80065</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80070"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Żywiecka</mua:nazwaGlownaCzesc><mua:idTERYT>80070</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80071"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:przedrostek1Czesc>Adama</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Mickiewicza</mua:nazwaGlownaCzesc><mua:idTERYT>80071</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80074"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:przedrostek1Czesc>Jana III</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Sobieskiego</mua:nazwaGlownaCzesc><mua:idTERYT>80074</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80077"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:przedrostek1Czesc>Mikołaja</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Kopernika</mua:nazwaGlownaCzesc><mua:idTERYT>80077</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80078"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:przedrostek1Czesc>Norberta</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Barlickiego</mua:nazwaGlownaCzesc><mua:idTERYT>80078</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80080"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:przedrostek1Czesc>Stanisława</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Wyspiańskiego</mua:nazwaGlownaCzesc><mua:idTERYT>80080</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80081"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:przedrostek1Czesc>Władysława</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Broniewskiego</mua:nazwaGlownaCzesc><mua:idTERYT>80081</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80082"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:przedrostek1Czesc>gen. Władysława</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Andersa</mua:nazwaGlownaCzesc><mua:idTERYT>80082</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U0923584_80083"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:przedrostek1Czesc>ks. Stanisława</mua:przedrostek1Czesc><mua:nazwaGlownaCzesc>Stojałowskiego</mua:nazwaGlownaCzesc><mua:idTERYT>80083</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U9990101_80009"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Cisowa</mua:nazwaGlownaCzesc><mua:idTERYT>80009</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
<prg-ad:PRG_UlicaNazwa gml:id="PL.ZIPIN.SYNTH.EMUiA_U9990101_80064"><prg-ad:nazwa><mua:AD_NazwaUlicy><mua:nazwaGlownaCzesc>Zdrojowa</mua:nazwaGlownaCzesc><mua:idTERYT>80064</mua:idTERYT></mua:AD_NazwaUlicy></prg-ad:nazwa></prg-ad:PRG_UlicaNazwa>
</gml:featureMembers>
</gml:FeatureCollection>
