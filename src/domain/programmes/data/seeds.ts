// The seed files of ../shared/seeds/ that the rules cite, by their stable names.

export const SEED_SUN_ES_WINDOW_1 = '000_916a36e4f61c297f.txt'
export const SEED_ESMS = '001_04c3217d219ea85b.txt'
export const SEED_SEGUR_HOSPITAL = '003_f3a7376802158090.txt'
export const SEED_IFAQ_HOPEN2 = '004_e50f3265a1ed48eb.txt'
