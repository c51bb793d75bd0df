-- Russian names of countries and populated places (Natural Earth's name_ru where the layer has it; for
-- countries otherwise the CLDR Russian name of the ISO code): map labels, search and the UI in Russian.
ALTER TABLE geo_countries ADD COLUMN name_ru TEXT;
ALTER TABLE geo_places ADD COLUMN name_ru TEXT;
