/**
 * The demo distributor's catalogue: product families of a French food & beverage wholesaler
 * for cafés, hotels and restaurants (CHR), as combinations of ranges and packagings.
 * Prices are the "CHR standard" unit price excl. VAT, in cents.
 */
import type { VatRate } from '../../shared/domain/catalog/catalog.js';

export type Season = 'summer' | 'winter' | 'all';

export interface ProductTemplate {
  family: string;
  /** Reference prefix: BSA-10234. */
  prefix: string;
  name: string;
  unit: string;
  priceCents: number;
  vatRate: VatRate;
  season: Season;
  /** Typical quantity ordered by a mid-size customer. */
  typicalQuantity: number;
}

interface Range {
  name: string;
  season?: Season;
  /** Price multiplier of the range against the family's packaging price. */
  factor: number;
}
interface Packaging {
  unit: string;
  priceCents: number;
  typicalQuantity: number;
}
interface Family {
  family: string;
  prefix: string;
  vatRate: VatRate;
  ranges: readonly Range[];
  packagings: readonly Packaging[];
}

const r = (name: string, factor = 1, season: Season = 'all'): Range => ({ name, factor, season });
const p = (unit: string, priceCents: number, typicalQuantity: number): Packaging => ({
  unit,
  priceCents,
  typicalQuantity,
});

export const families: readonly Family[] = [
  {
    family: 'Boissons sans alcool',
    prefix: 'BSA',
    vatRate: 550,
    ranges: [
      r('Coca-Cola'),
      r('Coca-Cola Zero'),
      r('Orangina', 1.05, 'summer'),
      r('Schweppes Tonic', 1.1),
      r('Perrier', 0.9),
      r('Evian', 0.7),
      r('Badoit', 0.8),
      r('San Pellegrino', 0.85),
      r('Ice Tea pêche', 1, 'summer'),
      r('Jus d’orange Pampryl', 1.2),
      r('Jus de pomme Alain Milliat', 1.8),
      r('Nectar d’abricot Alain Milliat', 1.9, 'summer'),
      r('Limonade artisanale Lorina', 1.15, 'summer'),
      r('Sirop de menthe Monin', 2.2, 'summer'),
      r('Sirop de grenadine Teisseire', 1.6, 'summer'),
      r('Diabolo kit Teisseire', 1.7, 'summer'),
    ],
    packagings: [
      p('carton de 24 × 33 cl', 1690, 4),
      p('carton de 24 × 25 cl verre', 1850, 3),
      p('bouteille 1 L', 210, 12),
    ],
  },
  {
    family: 'Bières',
    prefix: 'BIE',
    vatRate: 2000,
    ranges: [
      r('Kronenbourg', 0.85),
      r('1664 Blonde', 1),
      r('Heineken', 1),
      r('Leffe Blonde', 1.25),
      r('Grimbergen Ambrée', 1.25),
      r('Affligem Triple', 1.3),
      r('Pelforth Brune', 1.1),
      r('Desperados', 1.3, 'summer'),
      r('Hoegaarden Blanche', 1.2, 'summer'),
      r('Brasserie du Mont-Blanc Blonde', 1.4, 'winter'),
      r('Ninkasi IPA', 1.45),
      r('La Chouffe', 1.5),
      r('Corona Extra', 1.35, 'summer'),
      r('Gallia Champ Libre', 1.5),
    ],
    packagings: [
      p('fût 20 L', 7450, 2),
      p('fût 30 L', 10_900, 2),
      p('carton de 24 × 25 cl', 2890, 3),
      p('carton de 24 × 33 cl', 3490, 2),
    ],
  },
  {
    family: 'Vins',
    prefix: 'VIN',
    vatRate: 2000,
    ranges: [
      r('Côtes du Rhône rouge AOP', 0.8),
      r('Crozes-Hermitage rouge', 1.6),
      r('Saint-Joseph rouge', 1.9),
      r('Beaujolais-Villages', 0.9),
      r('Morgon', 1.3),
      r('Mâcon-Villages blanc', 1.1),
      r('Côtes de Provence rosé', 1, 'summer'),
      r('Bandol rosé', 1.8, 'summer'),
      r('Tavel rosé', 1.3, 'summer'),
      r('Chablis', 1.8),
      r('Bordeaux Supérieur', 0.9),
      r('Muscadet Sèvre-et-Maine', 0.75),
      r('Sancerre blanc', 1.9),
      r('Apremont Vin de Savoie', 1, 'winter'),
      r('Roussette de Savoie', 1.2, 'winter'),
      r('Picpoul de Pinet', 0.85, 'summer'),
      r('Costières de Nîmes rouge', 0.8),
      r('Champagne brut', 3.6),
      r('Crémant de Bourgogne', 1.5),
      r('Vin chaud épicé', 0.8, 'winter'),
    ],
    packagings: [
      p('bouteille 75 cl', 690, 12),
      p('carton de 6 × 75 cl', 3990, 3),
      p('bag-in-box 10 L', 4290, 2),
      p('magnum 150 cl', 1590, 2),
    ],
  },
  {
    family: 'Spiritueux',
    prefix: 'SPI',
    vatRate: 2000,
    ranges: [
      r('Pastis 51'),
      r('Ricard'),
      r('Get 27', 0.9),
      r('Chartreuse verte', 2.1, 'winter'),
      r('Génépi des Alpes', 1.5, 'winter'),
      r('Cognac VS', 1.8),
      r('Calvados Pays d’Auge', 1.6),
      r('Rhum blanc agricole', 1.2, 'summer'),
      r('Gin Citadelle', 1.7),
      r('Vodka Grey Goose', 2),
      r('Whisky Jameson', 1.4),
      r('Apérol', 0.85, 'summer'),
      r('Martini Bianco', 0.6),
      r('Crème de cassis de Dijon', 0.7),
    ],
    packagings: [p('bouteille 70 cl', 1890, 3), p('bouteille 1 L', 2490, 2), p('bouteille 1,5 L', 3590, 1)],
  },
  {
    family: 'Café & thé',
    prefix: 'CAF',
    vatRate: 550,
    ranges: [
      r('Café en grains Bistrot', 0.9),
      r('Café en grains Arabica Pur', 1.2),
      r('Café en grains Bio équitable', 1.35),
      r('Café décaféiné', 1.1),
      r('Café moulu filtre', 0.8),
      r('Chocolat en poudre', 0.7, 'winter'),
      r('Thé Earl Grey', 1.4),
      r('Thé vert menthe', 1.4),
      r('Infusion verveine', 1.3),
    ],
    packagings: [
      p('sachet 1 kg', 1690, 4),
      p('carton de 6 × 1 kg', 9600, 1),
      p('boîte de 100 dosettes', 1990, 2),
    ],
  },
  {
    family: 'Épicerie',
    prefix: 'EPI',
    vatRate: 550,
    ranges: [
      r('Huile d’olive vierge extra', 2),
      r('Huile de tournesol', 0.6),
      r('Farine T55', 0.4),
      r('Sucre en poudre', 0.45),
      r('Sucre en morceaux', 0.5),
      r('Sel fin', 0.2),
      r('Pâtes penne', 0.6),
      r('Riz basmati', 0.8),
      r('Tomates pelées', 0.55),
      r('Moutarde de Dijon', 0.9),
      r('Vinaigre de vin rouge', 0.5),
      r('Confiture abricot', 1.2),
      r('Miel de montagne', 2.1),
      r('Lentilles vertes du Puy', 1.1),
      r('Chips artisanales', 1, 'summer'),
      r('Olives vertes', 1.1, 'summer'),
    ],
    packagings: [p('carton de 6 × 1 kg', 1290, 3), p('boîte 5/1', 690, 4), p('bidon 5 L', 1490, 2)],
  },
  {
    family: 'Produits laitiers',
    prefix: 'LAI',
    vatRate: 550,
    ranges: [
      r('Lait demi-écrémé UHT', 0.35),
      r('Crème fraîche épaisse 30 %', 0.9),
      r('Crème liquide 35 %', 0.85),
      r('Beurre doux', 1.2),
      r('Beurre demi-sel', 1.25),
      r('Comté AOP 12 mois', 2.4),
      r('Reblochon de Savoie AOP', 1.6, 'winter'),
      r('Fromage à raclette', 1.4, 'winter'),
      r('Beaufort AOP', 2.8, 'winter'),
      r('Saint-Marcellin IGP', 1.3),
      r('Mozzarella di Bufala', 1.6, 'summer'),
      r('Yaourt nature', 0.5),
    ],
    packagings: [p('kg', 1090, 5), p('carton de 12 × 1 L', 1650, 3), p('pièce', 690, 6)],
  },
  {
    family: 'Surgelés',
    prefix: 'SUR',
    vatRate: 550,
    ranges: [
      r('Frites 9 mm', 0.45),
      r('Frites allumettes', 0.5),
      r('Potatoes épicées', 0.6),
      r('Légumes grillés méditerranéens', 0.9, 'summer'),
      r('Haricots verts extra-fins', 0.7),
      r('Croissants pur beurre', 1.1),
      r('Pains au chocolat', 1.15),
      r('Glace vanille Bourbon', 1.4, 'summer'),
      r('Sorbet citron', 1.4, 'summer'),
      r('Tarte Tatin', 1.6),
      r('Moelleux au chocolat', 1.5),
      r('Crevettes décortiquées', 2.4),
      r('Filet de cabillaud', 2.6),
    ],
    packagings: [
      p('carton de 4 × 2,5 kg', 2290, 3),
      p('bac 2,5 L', 1190, 2),
      p('carton de 60 pièces', 2490, 2),
    ],
  },
  {
    family: 'Hygiène & entretien',
    prefix: 'HYG',
    vatRate: 2000,
    ranges: [
      r('Liquide vaisselle', 0.6),
      r('Tablettes lave-vaisselle', 1.4),
      r('Dégraissant cuisine', 0.9),
      r('Désinfectant surfaces', 1),
      r('Savon mains', 0.7),
      r('Essuie-mains enchevêtrés', 0.8),
      r('Papier toilette', 0.7),
      r('Sacs poubelle 100 L', 0.6),
      r('Gants nitrile', 0.9),
    ],
    packagings: [p('bidon 5 L', 1490, 2), p('carton', 2490, 2), p('lot de 6', 1890, 2)],
  },
  {
    family: 'Arts de la table',
    prefix: 'ART',
    vatRate: 2000,
    ranges: [
      r('Serviettes ouate 2 plis', 0.4),
      r('Serviettes intissé', 0.9),
      r('Nappes papier', 0.7),
      r('Verres à vin 19 cl', 1.5),
      r('Verres à bière 25 cl', 1.4),
      r('Tasses expresso', 1.6),
      r('Pailles papier', 0.4, 'summer'),
      r('Gobelets carton', 0.5),
      r('Boîtes à emporter kraft', 0.7),
      r('Bougies chauffe-plat', 0.5),
    ],
    packagings: [p('carton de 1000', 3290, 1), p('carton de 24', 2190, 1), p('lot de 100', 990, 2)],
  },
];

/** Every combination of each family's ranges and packagings, in a stable order. */
export function productTemplates(): ProductTemplate[] {
  const out: ProductTemplate[] = [];
  for (const family of families) {
    for (const range of family.ranges) {
      for (const packaging of family.packagings) {
        out.push({
          family: family.family,
          prefix: family.prefix,
          name: `${range.name} – ${packaging.unit}`,
          unit: packaging.unit,
          priceCents: Math.round((packaging.priceCents * range.factor) / 5) * 5,
          vatRate: family.vatRate,
          season: range.season ?? 'all',
          typicalQuantity: packaging.typicalQuantity,
        });
      }
    }
  }
  return out;
}
